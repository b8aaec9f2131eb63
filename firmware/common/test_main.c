/* main() of the signature programs on the target: start the signature, run the test, finish it. */
#include "sig.h"

void sig_start(void);

int main(void)
{
    sig_start();
    test_main();
    sig_exit(0);
}
