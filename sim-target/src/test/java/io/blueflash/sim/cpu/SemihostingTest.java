package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ARM semihosting on BKPT 0xAB (facts §4.5) serviced by the chip, and its default: a debugger halt. */
class SemihostingTest {

    private static final String PROGRAM = SramFirmware.vectors(Map.of()) + """
            reset:
              movs r0, #0x04              @ SYS_WRITE0
              adr r1, hello
              bkpt #0xab
              movs r0, #0x03              @ SYS_WRITEC
              adr r1, bang
              bkpt #0xab
              movs r0, #0x05              @ SYS_WRITE to fd 2
              adr r1, block
              bkpt #0xab
              mov r8, r0                  @ bytes not written: 0
              movs r0, #0x20              @ SYS_EXIT_EXTENDED
              adr r1, exit_block
              bkpt #0xab
              b reset
            .align 2
            hello: .asciz "hello "
            .align 2
            bang: .ascii "!"
            .align 2
            block: .word 2, 0x20000000 + err, 4
            err: .ascii "oops"
            .align 2
            exit_block: .word 0x20026, 3
            """ + SramFirmware.DEFAULT_HANDLER;

    private static final class Host implements Semihosting {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = -1;

        @Override
        public void console(byte[] bytes, boolean stderr) {
            (stderr ? err : out).writeBytes(bytes);
        }

        @Override
        public void exit(int status, int reason) {
            this.status = status;
        }
    }

    @Test
    void givenChipServicesSemihosting_whenProgramWritesAndExits_thenConsoleAndStatusReachTheHostAndTheCoreStops() {
        SramFirmware fw = SramFirmware.boot(PROGRAM);
        Host host = new Host();
        fw.chip.setSemihosting(host);

        fw.runToHalt(10);

        assertThat(host.out.toString(StandardCharsets.US_ASCII)).isEqualTo("hello !");
        assertThat(host.err.toString(StandardCharsets.US_ASCII)).isEqualTo("oops");
        assertThat(fw.r(8)).isZero();
        assertThat(host.status).isEqualTo(3);
        assertThat(fw.chip.core().hasExited()).isTrue();
    }

    @Test
    void givenNoSemihostingHost_whenBkptAbExecutes_thenTheCoreHaltsThereForTheDebugger() {
        SramFirmware fw = SramFirmware.boot(PROGRAM);

        fw.runToHalt(10);

        assertThat(fw.pc()).isEqualTo(0x2000_0064);
        assertThat(fw.half(fw.pc())).isEqualTo(0xBEAB);
        assertThat(fw.chip.core().hasExited()).isFalse();
    }
}
