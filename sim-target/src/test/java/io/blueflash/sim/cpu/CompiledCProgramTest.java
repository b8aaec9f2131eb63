package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GCC-built C (CRC, sorting, switch tables, 64-bit and soft-float arithmetic from libgcc,
 * bitfields, saturation, recursion, function pointers, struct copies) runs on the interpreter
 * and writes the same signature as the same source compiled for the host.
 */
class CompiledCProgramTest {

    private static final String PROGRAM = "signature.c";
    private static final int OUT = TestContext.SRAM + 0xC000;
    private static final int END_MARK = 0x600D_F00D;

    @ParameterizedTest(name = "given signature.c built with {0}, when run, then its words equal the host build's")
    @ValueSource(strings = {"-O0", "-O2", "-Os"})
    void givenACompiledProgram_whenRunToItsBreakpoint_thenTheSignatureMatchesTheHost(String optimization) {
        TestMachine m = new TestMachine();
        m.context.load(CrossCompiler.LOAD_ADDRESS, CrossCompiler.forCortexM3(PROGRAM, optimization));
        m.set(0, OUT);

        m.runToBreakpoint();

        List<Integer> words = new ArrayList<>();
        for (int address = OUT; words.isEmpty() || words.get(words.size() - 1) != END_MARK; address += 4) {
            words.add(m.context.word(address));
            assertThat(words).hasSizeLessThan(64);
        }
        assertThat(words).hasSizeGreaterThan(20).isEqualTo(CrossCompiler.hostSignature(PROGRAM));
        assertThat(m.context.word(OUT + 4 * words.size())).isEqualTo(words.size() - 1);
        assertThat(m.r(CoreState.SP)).isEqualTo(TestMachine.STACK_TOP);
    }
}
