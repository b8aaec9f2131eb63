package io.blueflash.sim.firmware;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test firmware checked against two independent referees before it judges the simulator:
 * the host build of the same C code (pure-compute programs compute their signature; exception
 * programs print the trace the architecture predicts) and QEMU's Cortex-M3 (mps2-an385 with
 * semihosting, Debian's qemu-system-arm) running the ARM build. When these agree, a simulator
 * that disagrees is wrong, not the test.
 */
class QemuRefereeTest {

    @BeforeAll
    static void build() {
        FirmwareBuild.requireTool("qemu-system-arm", "qemu-system-arm");
        FirmwareBuild.build("host");
        FirmwareBuild.build("qemu");
    }

    static Stream<Arguments> programs() {
        return SignatureText.TESTS.stream()
                .flatMap(t -> SignatureText.OPTIMISATIONS.stream().map(o -> Arguments.of(t, o)));
    }

    @ParameterizedTest(name = "{0} -{1}")
    @MethodSource("programs")
    void givenTestProgram_whenQemuRunsTheArmBuild_thenItsSignatureEqualsTheHostBuilds(String test, String optimisation) {
        List<String> expected = SignatureText.signatureLines(host(test));
        Path elf = FirmwareBuild.qemu(test + "-" + optimisation);

        FirmwareBuild.Run run = FirmwareBuild.Run.of(List.of("qemu-system-arm", "-M", "mps2-an385", "-cpu", "cortex-m3",
                "-nographic", "-monitor", "none", "-serial", "none", "-icount", "shift=3",
                "-semihosting-config", "enable=on,target=native", "-kernel", elf.toString()), elf.getParent(), 60);

        assertThat(run.exitCode()).as("qemu exit status (SYS_EXIT)\n" + run.output()).isZero();
        assertThat(expected).as("host signature").isNotEmpty().last().isEqualTo("EXIT 00000000");
        assertThat(SignatureText.signatureLines(run.output())).as(run.output()).isEqualTo(expected);
    }

    static String host(String test) {
        Path program = FirmwareBuild.host(test);
        FirmwareBuild.Run run = FirmwareBuild.Run.of(List.of(program.toString()), program.getParent(), 60);
        assertThat(run.exitCode()).as("host build of " + test + "\n" + run.output()).isZero();
        return run.output();
    }
}
