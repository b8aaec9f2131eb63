package io.blueflash.sim.firmware;

import io.blueflash.sim.run.RunOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's proof: every signature program (instruction classes, exceptions, NVIC priorities,
 * faults), built by GCC at -O0/-O2/-Os, runs on the whole simulated STM32F103 — core, NVIC, SysTick,
 * bus, flash — from reset until semihosting SYS_EXIT, and leaves in SRAM and prints over
 * semihosting exactly what the host build of the same C code prints (and QEMU agrees,
 * {@link QemuRefereeTest}).
 */
class ChipSignatureTest {

    private static final long LIMIT_NANOS = 20_000_000_000L;

    static Stream<Arguments> programs() {
        return SignatureText.TESTS.stream()
                .flatMap(t -> SignatureText.OPTIMISATIONS.stream().map(o -> Arguments.of(t, o)));
    }

    @ParameterizedTest(name = "{0} -{1}")
    @MethodSource("programs")
    void givenSignatureProgram_whenTheSimulatedChipRunsIt_thenSramAndSemihostingEqualTheHostBuild(String test,
                                                                                                 String optimisation) {
        List<String> expected = SignatureText.signatureLines(QemuRefereeTest.host(test));
        FirmwareOnChip run = FirmwareOnChip.run(FirmwareBuild.arm(test + "-" + optimisation, "elf"), LIMIT_NANOS);

        assertThat(run.outcome()).as(run.describe()).isEqualTo(new RunOutcome.Exited(run.outcome().simNanos(), 0));
        assertThat(SignatureText.signatureLines(run.console())).as("semihosting lines").isEqualTo(expected);
        SramSignature sram = SramSignature.read(address -> run.chip().cpuBus().read(address, 4));
        assertThat(sram.done()).as("DONE flag at 0x20000008").isTrue();
        assertThat(sram.status()).isZero();
        assertThat(sram.words()).as("signature words at 0x20000010").isEqualTo(SignatureText.words(run.console()));
        if (test.equals("exceptions")) {
            assertThat(run.console()).as("STM32F103 NVIC: 4 priority bits (PM0056 §4.3.7)")
                    .contains("NOTE priority-bits 4");
        }
    }
}
