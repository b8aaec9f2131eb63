package io.blueflash.sim.firmware;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Thumb-2 interpreter alone ({@link BareCore}) runs the pure-compute signature programs, compiled
 * by GCC at -O0/-O2/-Os: what they print over semihosting and leave in SRAM at 0x20000000 equals
 * what the same C code computes on the host.
 */
class BareCoreSignatureTest {

    static Stream<Arguments> computePrograms() {
        return Stream.of("arith", "control")
                .flatMap(t -> SignatureText.OPTIMISATIONS.stream().map(o -> Arguments.of(t, o)));
    }

    @ParameterizedTest(name = "{0} -{1}")
    @MethodSource("computePrograms")
    void givenComputeProgram_whenTheInterpreterRunsIt_thenSignatureEqualsTheHostBuilds(String test, String optimisation) {
        List<String> expected = SignatureText.signatureLines(QemuRefereeTest.host(test));

        BareCore core = new BareCore(FirmwareBuild.arm(test + "-" + optimisation, "elf")).run(200_000_000L);

        assertThat(core.exitStatus()).as("SYS_EXIT status; output so far:\n" + core.semihostingOutput()).isZero();
        assertThat(SignatureText.signatureLines(core.semihostingOutput())).isEqualTo(expected);
        SramSignature sram = SramSignature.read(core::sramWord);
        assertThat(sram.done()).as("signature DONE flag").isTrue();
        assertThat(sram.words()).as("signature words at 0x20000000").isEqualTo(SignatureText.words(String.join("\n", expected)));
    }
}
