package io.blueflash.sim.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.chip.ChipDescription;
import io.blueflash.chip.ChipIdentifier;
import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.flash.DriverChoice;
import io.blueflash.progress.ProgressListener;
import io.blueflash.flash.stm32f1.FpecFlashAlgorithm;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.sim.chip.SimProfile;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core's identification and FPEC algorithm (as the services choose them) against every
 * simulated profile, through the real SWD path: erase, program, read back, erase again.
 */
class CoreFlashAlgorithmEndToEndTest {

    static Stream<String> profiles() {
        return SimProfile.knownNames().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void givenProfile_whenCoreErasesProgramsAndReadsBack_thenFlashHoldsTheImage(String profile) {
        try (TargetConnection connection = new SimulatedProbeConnector()
                .connect(ProbeSelector.parse("sim:" + profile), ConnectOptions.defaults())) {
            ChipDescription chip = new ChipIdentifier().identify(connection.memoryAccess().orElseThrow(), OptionalInt.empty());
            FlashGeometry geometry = chip.flash();
            assertThat(chip.isClone()).isEqualTo(SimProfile.named(profile).isClone());
            FlashAlgorithm algorithm = chip.flashFamily().driver(connection, geometry,
                    new DriverChoice(ProgramPacing.AUTO, chip.isClone(), ProgressListener.NONE));

            int page = geometry.pageSize();
            long start = geometry.baseAddress() + page;
            byte[] image = new byte[3 * page];
            new Random(profile.hashCode()).nextBytes(image);
            for (int i = 0; i < 3; i++) {
                algorithm.erasePage(start + (long) i * page);
            }
            for (int i = 0; i < 3; i++) {
                algorithm.programPage(start + (long) i * page, Arrays.copyOfRange(image, i * page, (i + 1) * page));
            }
            algorithm.finish();
            assertThat(algorithm.read(start, image.length)).isEqualTo(image);

            algorithm.erasePage(start + page);
            byte[] erasedMiddle = algorithm.read(start + page, page);
            assertThat(erasedMiddle).containsOnly((byte) 0xFF);
            assertThat(algorithm.read(start, page)).isEqualTo(Arrays.copyOf(image, page));

            algorithm.massErase();
            assertThat(algorithm.read(start, image.length)).containsOnly((byte) 0xFF);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void givenProfile_whenBlockWritesWithoutBsyPolling_thenOnlyTheApm32LosesHalfWords(String profile) {
        try (TargetConnection connection = new SimulatedProbeConnector()
                .connect(ProbeSelector.parse("sim:" + profile), ConnectOptions.defaults())) {
            FlashGeometry geometry = new ChipIdentifier()
                    .identify(connection.memoryAccess().orElseThrow(), OptionalInt.empty()).flash();
            FlashAlgorithm blocks = new FpecFlashAlgorithm(connection.memoryAccess().orElseThrow(), geometry,
                    ProgramPacing.PAGE_BLOCK);
            byte[] data = new byte[64];
            Arrays.fill(data, (byte) 0x5A);
            blocks.erasePage(geometry.baseAddress());
            blocks.programPage(geometry.baseAddress(), data);
            boolean intact = Arrays.equals(blocks.read(geometry.baseAddress(), data.length), data);
            assertThat(intact).isEqualTo(!SimProfile.named(profile).dropsHalfWordWrittenWhileBusy());
        }
    }
}
