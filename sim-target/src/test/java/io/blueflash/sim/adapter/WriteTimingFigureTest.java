package io.blueflash.sim.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.contract.TestImages;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.ReadMemoryRequest;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.ReadMemoryService;
import io.blueflash.service.WriteImageService;
import io.blueflash.sim.chip.FlashTiming;
import io.blueflash.sim.chip.SimTimes;
import io.blueflash.sim.chip.TimingCorner;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The printed figure of issue 3 (not a timing assertion): simulated time of a 64 KB write on
 * {@code stm32f103c8} at 4 MHz SWD through the real {@link WriteImageService}, next to the
 * datasheet's pure flash time (32768 × t_prog + 64 × t_ERASE, facts §B.8), and the host's wall time.
 * Output: {@code sim-target/target/surefire-reports/io.blueflash.sim.adapter.WriteTimingFigureTest-output.txt}.
 */
class WriteTimingFigureTest {

    private static final int SIZE = 64 * 1024;

    @Test
    void givenBluePillAt4MHz_when64KbWritten_thenReadsBackNoFasterThanTheDatasheetAndFiguresPrinted() {
        FirmwareImage image = TestImages.random(0x0800_0000L, SIZE, 64);
        StringBuilder out = new StringBuilder("\n64 KB write over a different 64 KB image (64 pages erased + programmed), SWD 4 MHz\n");
        for (String profile : List.of("stm32f103c8", "apm32f103c8")) {
            for (boolean verify : new boolean[] {false, true}) {
                SimulatedProbeConnector connector = new SimulatedProbeConnector();
                ProbeSelector selector = ProbeSelector.parse("sim:" + profile);
                ConnectOptions options = ConnectOptions.defaults().withSwdFrequencyKhz(4000);
                // a previous, different image: every page must be erased and programmed again
                new WriteImageService(List.of(connector)).write(new WriteImageRequest(selector, options,
                        TestImages.counting(0x0800_0000L, SIZE, 7), FlashOptions.defaults(), ProgressListener.NONE));
                long wallStart = System.nanoTime();
                WriteReport report = new WriteImageService(List.of(connector)).write(new WriteImageRequest(selector,
                        options, image, FlashOptions.defaults().withVerifyAfterWrite(verify), ProgressListener.NONE));
                long wall = System.nanoTime() - wallStart;
                byte[] back = new ReadMemoryService(List.of(connector)).read(new ReadMemoryRequest(selector, options,
                        new AddressRange(0x0800_0000L, SIZE), ProgressListener.NONE)).data();
                assertThat(back).isEqualTo(image.segments().get(0).data());
                long simulated = report.timing().simulated().orElseThrow().toNanos();
                FlashTiming fastest = FlashTiming.datasheet(TimingCorner.MIN);
                // the model cannot beat the datasheet: 64 page erases and 32768 half-word programs at least
                assertThat(simulated).isGreaterThanOrEqualTo(64L * fastest.pageEraseNanos() + 32_768L * fastest.programNanos());
                out.append(String.format(Locale.ROOT, "  %-12s %-15s simulated %-9s  wall %-9s  (%s)%n", profile,
                        verify ? "with verify" : "without verify", SimTimes.format(simulated), SimTimes.format(wall),
                        report.chip()));
            }
        }
        for (TimingCorner corner : TimingCorner.values()) {
            FlashTiming t = FlashTiming.datasheet(corner);
            long program = 32_768L * t.programNanos();
            long erase = 64L * t.pageEraseNanos();
            out.append(String.format(Locale.ROOT, "  datasheet %-3s: 32768 x t_prog %s + 64 x t_ERASE %s = %s%n",
                    corner, SimTimes.format(program), SimTimes.format(erase), SimTimes.format(program + erase)));
        }
        out.append("  (t_ERASE has no typical value in DS5319: typ is the 20-40 ms midpoint)\n");
        System.out.print(out);
    }
}
