package io.blueflash.bench;

import io.blueflash.image.FirmwareImage;
import io.blueflash.model.AddressRange;
import io.blueflash.model.EraseMode;
import io.blueflash.model.FlashOptions;
import io.blueflash.port.in.EraseFlashRequest;
import io.blueflash.port.in.EraseReport;
import io.blueflash.port.in.ReadMemoryRequest;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.EraseFlashService;
import io.blueflash.service.ReadMemoryService;
import io.blueflash.service.WriteImageService;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.chip.TimingPreset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the fixed scenarios of issue 6 on fresh simulated chips through every probe stack and
 * measures each: simulated time (what the hardware would take), wall time (what the host spent),
 * and the link transactions. Each run gets a new chip, so no run sees another's flash.
 */
public final class BenchSuite {

    /** The F103C8 of a Blue Pill (1 KB pages) and a high-density part with 2 KB pages. */
    public static final List<String> PROFILES = List.of("stm32f103c8", "stm32f103rc");

    public static final long FLASH_BASE = 0x0800_0000L;

    private final List<TimingPreset> presets;
    private final List<String> profiles;
    private final List<BenchTransport> transports;
    private final List<BenchScenario> scenarios;
    private final boolean warmUp;
    private final boolean countSwd;

    /**
     * @param warmUp   before a transport's first measured run, run one untimed 64 KB write so the
     *                 JIT has compiled its path: wall times then show the steady-state host cost
     * @param countSwd repeat each run with a trace listener to count SWD transactions
     */
    public BenchSuite(List<TimingPreset> presets, List<String> profiles, List<BenchTransport> transports,
                      List<BenchScenario> scenarios, boolean warmUp, boolean countSwd) {
        this.presets = List.copyOf(presets);
        this.profiles = List.copyOf(profiles);
        this.transports = List.copyOf(transports);
        this.scenarios = List.copyOf(scenarios);
        this.warmUp = warmUp;
        this.countSwd = countSwd;
    }

    public static BenchSuite full() {
        return new BenchSuite(List.of(TimingPreset.values()), PROFILES, List.of(BenchTransport.values()),
                List.of(BenchScenario.values()), true, true);
    }

    /** Runs everything; {@code onResult} sees each result as it is measured. */
    public List<BenchResult> run(Consumer<BenchResult> onResult) {
        List<BenchResult> results = new ArrayList<>();
        for (TimingPreset preset : presets) {
            for (String profile : profiles) {
                for (BenchTransport transport : transports) {
                    if (warmUp && profile.equals(profiles.get(0)) && preset == presets.get(0)) {
                        runOne(profile, transport, BenchScenario.WRITE_64K, preset, false);
                    }
                    for (BenchScenario scenario : scenarios) {
                        BenchResult r = runOne(profile, transport, scenario, preset, false);
                        if (transport == BenchTransport.BOOTLOADER_115200) {
                            r = r.withSwdTransactions(0); // the ROM bootloader works through the CPU's bus, not SWD
                        } else if (countSwd && !r.failed()) {
                            r = r.withSwdTransactions(runOne(profile, transport, scenario, preset, true).swdTransactions());
                        }
                        results.add(r);
                        onResult.accept(r);
                    }
                }
            }
        }
        return results;
    }

    /** One scenario on a fresh chip. Failures become a result whose note holds the error. */
    public static BenchResult runOne(String profile, BenchTransport transport, BenchScenario scenario,
                                     TimingPreset preset, boolean countSwd) {
        return runOne(profile, transport, scenario, preset, countSwd, scenario.imageBytes());
    }

    /** As {@link #runOne(String, BenchTransport, BenchScenario, TimingPreset, boolean)} with an image of another size. */
    public static BenchResult runOne(String profile, BenchTransport transport, BenchScenario scenario,
                                     TimingPreset preset, boolean countSwd, int imageBytes) {
        try (BenchRig rig = BenchRig.create(transport, Stm32F103.create(profile), preset, countSwd)) {
            BenchResult r = measure(rig, profile, transport, scenario, preset, imageBytes);
            return countSwd ? r : r.withSwdTransactions(-1);
        } catch (RuntimeException | LinkageError e) {
            return BenchResult.failure(profile, scenario, transport, preset, e);
        }
    }

    private static BenchResult measure(BenchRig rig, String profile, BenchTransport transport, BenchScenario scenario,
                                       TimingPreset preset, int imageBytes) {
        List<ProbeConnector> connectors = List.of(rig.connector());
        FirmwareImage image = BenchImages.image(imageBytes, 1);
        FlashOptions options = FlashOptions.defaults();
        if (scenario.imageBytes() > 64 * 1024) {
            options = options.withFlashSizeBytes(Math.max(scenario.imageBytes(), 128 * 1024)); // F103C8: --flash=128k
        }
        if (scenario == BenchScenario.WRITE_64K_NO_VERIFY) {
            options = options.withVerifyAfterWrite(false);
        } else if (scenario == BenchScenario.WRITE_64K_NO_COMPARE) {
            options = options.withSkipUnchangedPages(false);
        } else if (scenario == BenchScenario.WRITE_64K_ASSUME_BLANK) {
            options = options.withEraseMode(EraseMode.NONE);
        }
        WriteImageService write = new WriteImageService(connectors);
        if (scenario == BenchScenario.REWRITE_SAME_64K || scenario == BenchScenario.CHANGE_ONE_BYTE_64K
                || scenario == BenchScenario.READ_64K) {
            write.write(new WriteImageRequest(rig.selector(), rig.options(), image, options, ProgressListener.NONE));
        }
        if (scenario == BenchScenario.CHANGE_ONE_BYTE_64K) {
            image = BenchImages.withOneByteChanged(image, 0x8123);
        }
        BenchRig.Snapshot before = rig.snapshot();
        SpeedLimit.Limit limit;
        String note;
        switch (scenario) {
            case READ_64K -> {
                new ReadMemoryService(connectors).read(new ReadMemoryRequest(rig.selector(), rig.options(),
                        new AddressRange(FLASH_BASE, imageBytes), ProgressListener.NONE));
                limit = SpeedLimit.read(imageBytes, transport);
                note = "";
            }
            case MASS_ERASE -> {
                EraseReport r = new EraseFlashService(connectors).erase(
                        EraseFlashRequest.mass(rig.selector(), rig.options(), ProgressListener.NONE));
                limit = r.massErase() ? SpeedLimit.massErase(preset.flashTiming())
                        : SpeedLimit.write(preset.flashTiming(), transport, r.pagesErased(), false, 0, false);
                note = r.massErase() ? "MER" : r.pagesErased() + " pages erased one by one";
            }
            default -> {
                WriteReport r = write.write(new WriteImageRequest(rig.selector(), rig.options(), image, options,
                        ProgressListener.NONE));
                limit = SpeedLimit.write(preset.flashTiming(), transport, r.pagesErased(), r.massErased(),
                        r.bytesWritten(), r.verified());
                note = String.format("%d programmed, %d erased, %d skipped%s", r.pagesProgrammed(), r.pagesErased(),
                        r.pagesSkipped(), r.verified() ? ", verified" : "");
            }
        }
        BenchRig.Snapshot d = rig.snapshot().minus(before);
        return new BenchResult(profile, scenario, transport, preset, imageBytes, d.simNanos(), limit.nanos(),
                limit.counts(), d.wallNanos(), d.cpuNanos(), d.usb(), d.serialBytes(), d.swd(), note, false);
    }
}
