package io.blueflash.examples.library;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageReader;
import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.ReadMemoryRequest;
import io.blueflash.port.in.ReadReport;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.ReadMemoryService;
import io.blueflash.service.WriteImageService;
import io.blueflash.sim.adapter.SimulatedProbeConnector;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.chip.Stm32F103;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * docs/library.md's program: flash a firmware file into the simulated Blue Pill through the same use
 * cases the command line uses, read the flash back and compare, then let the board run the firmware
 * for a simulated second and list the edges on PC13 (the Blue Pill's LED). With a real probe, put its
 * connector in the list (or load them all with ServiceLoader) and choose it with "stlink" instead
 * of "sim".
 */
public final class FlashBluePill {

    static final long FLASH_BASE = 0x0800_0000L;

    private FlashBluePill() {
    }

    /** {@code FlashBluePill FILE}: FILE is a .bin (placed at the flash base), .hex, .elf or .srec. */
    public static void main(String[] args) {
        FirmwareImage image = ImageReader.readFile(Path.of(args[0]), FLASH_BASE);

        Stm32F103 board = Stm32F103.create("stm32f103c8"); // our own board, to run it and watch its pins
        List<ProbeConnector> probes = List.of(SimulatedProbeConnector.withBoard(board));
        ProbeSelector bluePill = ProbeSelector.parse("sim:stm32f103c8");
        ConnectOptions connect = ConnectOptions.defaults(); // no state file: the board lives in this connector
        ProgressListener progress = event -> {
            if (event instanceof ProgressEvent.PlanReady plan) {
                System.out.println("plan: " + plan.pagesToErase() + " page(s) to erase, " + plan.pagesToProgram() + " to program");
            }
        };

        FlashOptions thenRun = FlashOptions.defaults().withResetAfterWrite(true); // as --reset: reset and run after the write
        WriteReport written = new WriteImageService(probes)
                .write(new WriteImageRequest(bluePill, connect, image, thenRun, progress));
        System.out.println("wrote " + written.bytesWritten() + " bytes to " + written.chip()
                + ", verified: " + written.verified() + ", simulated time: " + written.timing().simulated().orElseThrow());

        List<SimTraceEvent.GpioEdge> edges = runAndWatchLed(board, 1_000_000_000L);
        System.out.println("PC13 in one simulated second: " + edges.size() + " edges, at "
                + edges.stream().map(e -> String.format("%.3f s", e.simNanos() / 1e9)).toList());
        if (edges.isEmpty()) {
            throw new IllegalStateException("PC13 never changed: the firmware did not run");
        }

        long length = image.segments().get(0).data().length;
        ReadReport read = new ReadMemoryService(probes)
                .read(new ReadMemoryRequest(bluePill, connect, new AddressRange(FLASH_BASE, length), ProgressListener.NONE));
        byte[] back = read.data();
        System.out.println("read back " + back.length + " bytes, first word 0x"
                + HexFormat.of().formatHex(back, 0, 4) + " (the initial stack pointer, little-endian)");
        if (!Arrays.equals(back, image.segments().get(0).data())) {
            throw new IllegalStateException("flash differs from " + args[0]);
        }
        System.out.println("same as " + args[0]);
    }

    /** Runs the board's firmware for {@code nanos} of simulated time; the edges PC13 made meanwhile. */
    static List<SimTraceEvent.GpioEdge> runAndWatchLed(Stm32F103 board, long nanos) {
        List<SimTraceEvent.GpioEdge> edges = new ArrayList<>();
        board.gpio('C').addPinListener(edge -> {
            if (edge.pin() == 13) {
                edges.add(edge);
            }
        });
        board.runFor(nanos);
        return edges;
    }
}
