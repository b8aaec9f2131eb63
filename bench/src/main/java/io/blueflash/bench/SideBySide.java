package io.blueflash.bench;

import io.blueflash.sim.chip.TimingPreset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Issue 14's side-by-side rows: blueflash and the tool users compare it with, on the same simulated
 * chip, the same image and the same preset, in the same run; and OpenOCD's own figures beside the
 * published real-board ones that the {@link TimingPreset#MEASURED} preset is calibrated on.
 */
public final class SideBySide {

    /** The jobs compared. */
    public enum Job {
        /** Write + verify through the ST-Link V2 at 4 MHz: blueflash's defaults vs OpenOCD's {@code program ... verify}. */
        STLINK_WRITE_VERIFY("ST-Link V2 @ 4 MHz, write + verify"),
        /** Write + verify through the ROM bootloader at 115200 baud 8E1: blueflash vs {@code stm32flash -w -v}. */
        BOOTLOADER_WRITE_VERIFY("bootloader @ 115200, write + verify"),
        /** OpenOCD at its default clock (950 kHz) against published Blue Pill figures (calibration). */
        OPENOCD_CALIBRATION("OpenOCD at its default 950 kHz");

        private final String label;

        Job(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One row.
     *
     * @param tool        who did it ("blueflash write --assume-blank", "openocd program verify", ...)
     * @param limitNanos  the job's limit ({@link SpeedLimit}), 0 where none is given
     * @param publishedLow  the published real-board rate in KiB/s to compare with (0: none); with
     *                      {@code publishedHigh} equal, a single figure matched within ±10 %
     * @param publishedHigh the top of a published range (reads: 50–58 KiB/s)
     * @param failed      the run failed; {@code note} says why
     */
    public record Row(TimingPreset preset, Job job, String tool, long bytes, long simulatedNanos, long limitNanos,
                      String limitCounts, double publishedLow, double publishedHigh, String note, boolean failed) {

        /** Whether the simulated rate matches the published figure (±10 %) or range. */
        public boolean matchesPublished() {
            double rate = kibPerSecond();
            if (publishedLow == 0 || Double.isNaN(rate)) {
                return false;
            }
            return publishedLow == publishedHigh ? Math.abs(rate / publishedLow - 1) <= 0.10
                    : rate >= publishedLow && rate <= publishedHigh;
        }

        /** "47.0" or "50-58"; "" without a published figure. */
        public String publishedText() {
            if (publishedLow == 0) {
                return "";
            }
            return publishedLow == publishedHigh ? String.format(java.util.Locale.ROOT, "%.1f", publishedLow)
                    : String.format(java.util.Locale.ROOT, "%.0f-%.0f", publishedLow, publishedHigh);
        }

        /** Simulated time over the limit; NaN without one. */
        public double ratioToLimit() {
            return limitNanos == 0 || failed ? Double.NaN : (double) simulatedNanos / limitNanos;
        }

        /** KiB per simulated second. */
        public double kibPerSecond() {
            return failed || simulatedNanos == 0 ? Double.NaN : bytes / 1024.0 / (simulatedNanos / 1e9);
        }
    }

    private SideBySide() {
    }

    /** Every row for {@code presets} with an image of {@code imageBytes} (64 KB in the full bench). */
    public static List<Row> run(List<TimingPreset> presets, int imageBytes, Consumer<Row> onRow) {
        String profile = BenchTargets.PROFILE;
        byte[] image = BenchImages.image(imageBytes, 1).segments().get(0).data();
        String size = imageBytes % 1024 == 0 ? imageBytes / 1024 + " KB" : imageBytes + " B";
        String hexSize = String.format("0x%X", imageBytes);
        List<Row> rows = new ArrayList<>();
        Consumer<Row> add = r -> {
            rows.add(r);
            onRow.accept(r);
        };
        for (TimingPreset preset : presets) {
            add.accept(blueflash(preset, Job.STLINK_WRITE_VERIFY, "blueflash write (defaults)", imageBytes,
                    BenchTransport.STLINK_V2_4000KHZ, BenchScenario.WRITE_64K));
            add.accept(tool(preset, Job.STLINK_WRITE_VERIFY, "openocd program IMAGE verify", imageBytes, 0, 0,
                    ExternalTools.openOcd(preset, profile, image, false, List.of("adapter speed 4000"), List.of(),
                            List.of("program fw.bin verify 0x08000000"), "** Verified OK **")));
            add.accept(blueflash(preset, Job.BOOTLOADER_WRITE_VERIFY, "blueflash write --assume-blank", imageBytes,
                    BenchTransport.BOOTLOADER_115200, BenchScenario.WRITE_64K_ASSUME_BLANK));
            add.accept(blueflash(preset, Job.BOOTLOADER_WRITE_VERIFY, "blueflash write --no-compare", imageBytes,
                    BenchTransport.BOOTLOADER_115200, BenchScenario.WRITE_64K_NO_COMPARE));
            add.accept(tool(preset, Job.BOOTLOADER_WRITE_VERIFY, "stm32flash -w IMAGE -v", imageBytes,
                    0, 0, ExternalTools.stm32flash(preset, profile, image)));
            add.accept(tool(preset, Job.OPENOCD_CALIBRATION, "openocd flash write_image, after mass erase", imageBytes,
                    47.0, 47.0, ExternalTools.openOcd(preset, profile, image, true, List.of(),
                            List.of("init", "reset halt", "stm32f1x mass_erase 0"),
                            List.of("init", "reset halt", "flash write_image fw.bin 0x08000000"),
                            "wrote " + imageBytes + " bytes")));
            add.accept(tool(preset, Job.OPENOCD_CALIBRATION, "openocd flash write_image erase (page erase)", imageBytes,
                    17.6, 17.6, ExternalTools.openOcd(preset, profile, image, true, List.of(), List.of(),
                            List.of("init", "reset halt", "flash write_image erase fw.bin 0x08000000"),
                            "wrote " + imageBytes + " bytes")));
            add.accept(tool(preset, Job.OPENOCD_CALIBRATION, "openocd dump_image (read)", imageBytes,
                    50.0, 58.0, ExternalTools.openOcd(preset, profile, image, true, List.of(), List.of(),
                            List.of("init", "reset halt", "dump_image out.bin 0x08000000 " + hexSize),
                            "dumped " + imageBytes + " bytes")));
        }
        return rows;
    }

    private static Row blueflash(TimingPreset preset, Job job, String tool, int imageBytes, BenchTransport transport,
                                 BenchScenario scenario) {
        BenchResult r = BenchSuite.runOne(BenchTargets.PROFILE, transport, scenario, preset, false, imageBytes);
        return new Row(preset, job, tool, imageBytes, r.simulatedNanos(), r.limitNanos(), r.limitCounts(), 0, 0,
                r.note(), r.failed());
    }

    /** A tool's row: its simulated time; the figure that counts is blueflash's time over it. */
    private static Row tool(TimingPreset preset, Job job, String tool, int imageBytes, double publishedLow,
                            double publishedHigh, ExternalTools.Run run) {
        return new Row(preset, job, tool, imageBytes, run.simulatedNanos(), 0, "-", publishedLow, publishedHigh,
                run.note(), run.failed());
    }
}
