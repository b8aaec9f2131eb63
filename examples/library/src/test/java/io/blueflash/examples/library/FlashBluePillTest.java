package io.blueflash.examples.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageReader;
import io.blueflash.image.ImageSegment;
import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.ReadMemoryRequest;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.ReadMemoryService;
import io.blueflash.service.WriteImageService;
import io.blueflash.sim.adapter.SimulatedProbeConnector;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.chip.Stm32F103;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/library.md's JUnit example: firmware flashed into the simulated Blue Pill, read back, kept in a state file. */
class FlashBluePillTest {

    private static final ProbeSelector BLUE_PILL = ProbeSelector.parse("sim:stm32f103c8");
    /** The repository's example firmware (examples/blink.hex); tests run in this module's directory. */
    private static final Path BLINK = Path.of("../blink.hex");

    private final List<ProbeConnector> probes = List.of(new SimulatedProbeConnector());

    private WriteReport write(FirmwareImage image, ConnectOptions connect) {
        return new WriteImageService(probes)
                .write(new WriteImageRequest(BLUE_PILL, connect, image, FlashOptions.defaults(), ProgressListener.NONE));
    }

    private byte[] read(long address, int length, ConnectOptions connect) {
        return new ReadMemoryService(probes).read(new ReadMemoryRequest(BLUE_PILL, connect,
                new AddressRange(address, length), ProgressListener.NONE)).data();
    }

    @Test
    void givenBlinkHex_whenWrittenToTheSimulatedBluePill_thenFlashReadsBackTheSameBytes() {
        FirmwareImage blink = ImageReader.readFile(BLINK, FlashBluePill.FLASH_BASE);
        ImageSegment code = blink.segments().get(0);

        WriteReport report = write(blink, ConnectOptions.defaults());

        assertThat(report.verified()).isTrue();
        assertThat(report.pagesProgrammed()).isEqualTo(1);
        assertThat(report.timing().simulated()).isPresent();
        assertThat(read(code.address(), code.length(), ConnectOptions.defaults())).isEqualTo(code.data());
    }

    @Test
    void givenAStateFile_whenWrittenThenReadInAnotherSession_thenTheFlashSurvivedAndAnEqualWriteChangesNothing(
            @TempDir Path dir) {
        ConnectOptions withState = ConnectOptions.defaults()
                .withTransportOption(ConnectOptions.SIM_STATE_FILE, dir.resolve("bluepill.state").toString());
        FirmwareImage image = FirmwareImage.binary(FlashBluePill.FLASH_BASE + 0x400, new byte[] {1, 2, 3, 4});

        write(image, withState);
        List<ProbeConnector> freshProcess = List.of(new SimulatedProbeConnector());
        byte[] back = new ReadMemoryService(freshProcess).read(new ReadMemoryRequest(BLUE_PILL, withState,
                new AddressRange(FlashBluePill.FLASH_BASE + 0x400, 4), ProgressListener.NONE)).data();
        WriteReport again = write(image, withState);

        assertThat(Files.exists(dir.resolve("bluepill.state"))).isTrue();
        assertThat(back).containsExactly(1, 2, 3, 4);
        assertThat(again.pagesProgrammed()).isZero();
        assertThat(again.pagesSkipped()).isEqualTo(1);
    }

    @Test
    void givenBlinkFlashed_whenTheBoardRunsASimulatedSecond_thenTheLedOnPc13Toggles() {
        Stm32F103 board = Stm32F103.create("stm32f103c8");
        new WriteImageService(List.of(SimulatedProbeConnector.withBoard(board))).write(new WriteImageRequest(BLUE_PILL,
                ConnectOptions.defaults(), ImageReader.readFile(BLINK, FlashBluePill.FLASH_BASE),
                FlashOptions.defaults().withResetAfterWrite(true), ProgressListener.NONE));

        List<SimTraceEvent.GpioEdge> edges = FlashBluePill.runAndWatchLed(board, 1_000_000_000L);

        // blink.S: toggle, then 400000 turns of a SUBS/BNE loop (4 cycles each, Cortex-M3 TRM) at the 8 MHz HSI
        assertThat(edges).hasSizeGreaterThanOrEqualTo(4);
        assertThat(edges).extracting(SimTraceEvent.GpioEdge::high).containsSubsequence(false, true, false, true);
        for (int i = 1; i < edges.size(); i++) {
            assertThat(edges.get(i).simNanos() - edges.get(i - 1).simNanos()).isBetween(195_000_000L, 205_000_000L);
        }
    }

    @Test
    void givenTheExampleProgram_whenRun_thenItFinishesWithoutError() {
        FlashBluePill.main(new String[] {BLINK.toString()});
    }
}
