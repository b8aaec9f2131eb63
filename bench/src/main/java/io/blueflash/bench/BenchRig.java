package io.blueflash.bench;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTraceListener;
import io.blueflash.sim.adapter.SimulatedProbeConnector;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.chip.TimingPreset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One simulated chip behind one probe stack, as the benchmark drives it: the host transport's
 * {@link ProbeConnector} wired to the device-side emulator in the same process (ST-Link command
 * blocks handed over directly; bootloader and BMP bytes through an in-memory serial line served
 * by the emulator on its own thread), plus the counters the table reports.
 */
final class BenchRig implements AutoCloseable {

    private final Stm32F103 chip;
    private final ProbeConnector connector;
    private final ProbeSelector selector;
    private final ConnectOptions options;
    private final LongSupplier usbTransactions;
    private final LongSupplier serialBytes;
    private final SwdCounter swd = new SwdCounter();
    private final List<AutoCloseable> resources;

    private BenchRig(Stm32F103 chip, ProbeConnector connector, ProbeSelector selector, ConnectOptions options,
                     LongSupplier usbTransactions, LongSupplier serialBytes, List<AutoCloseable> resources,
                     boolean countSwd) {
        this.chip = chip;
        this.connector = connector;
        this.selector = selector;
        this.options = options;
        this.usbTransactions = usbTransactions;
        this.serialBytes = serialBytes;
        this.resources = resources;
        if (countSwd) {
            chip.addTraceListener(swd);
        }
    }

    /**
     * @param countSwd count SWD transactions through a trace listener. Tracing makes the simulator
     *                 decode every bus access for people, which costs far more host time than the
     *                 access itself, so the suite counts in a separate run of the same
     *                 (deterministic) scenario and times the run without it.
     */
    static BenchRig create(BenchTransport transport, Stm32F103 chip, TimingPreset preset, boolean countSwd) {
        ConnectOptions defaults = ConnectOptions.defaults();
        chip.setFlashTiming(preset);
        return switch (transport) {
            case SIM_DIRECT -> new BenchRig(chip, BenchWiring.simDirect(chip), new ProbeSelector("sim", chip.profile().name()),
                    defaults.withSwdFrequencyKhz(transport.swdKhz())
                            .withTransportOption(SimulatedProbeConnector.TIMING_OPTION, preset.label()),
                    () -> 0, () -> 0, List.of(), countSwd);
            case STLINK_V2_1800KHZ, STLINK_V2_4000KHZ, STLINK_V3 -> {
                BenchWiring.StLink wired = BenchWiring.stLink(chip, transport == BenchTransport.STLINK_V3, preset);
                yield new BenchRig(chip, wired.connector(), new ProbeSelector("stlink", ""),
                        defaults.withSwdFrequencyKhz(transport.swdKhz()), wired.commands(), () -> 0, List.of(), countSwd);
            }
            case STLINK_V2_JTAG_4500KHZ -> {
                // over JTAG the connection reads the asked-for clock as TCK (docs/stlink.md)
                BenchWiring.StLink wired = BenchWiring.stLink(chip, false, preset);
                yield new BenchRig(chip, wired.connector(), new ProbeSelector("stlink", ""),
                        defaults.withSwdFrequencyKhz(transport.jtagKhz()).withTransportOption(ConnectOptions.STLINK_JTAG,
                                "true"), wired.commands(), () -> 0, List.of(), countSwd);
            }
            case BOOTLOADER_115200 -> {
                SerialSessions sessions = new SerialSessions("bootloader", BenchWiring::bootloaderServer, chip);
                yield new BenchRig(chip, BenchWiring.bootloader(sessions), new ProbeSelector("bootloader", "bench"),
                        defaults.withTransportOption(ConnectOptions.BAUD, "115200"), () -> 0, sessions::bytes,
                        List.of(sessions), countSwd);
            }
            case BMP -> {
                SerialSessions sessions = new SerialSessions("bmp", BenchWiring::bmpServer, chip);
                yield new BenchRig(chip, BenchWiring.bmp(sessions), new ProbeSelector("bmp", "bench"),
                        defaults.withSwdFrequencyKhz(transport.swdKhz()), () -> 0, sessions::bytes, List.of(sessions), countSwd);
            }
        };
    }

    Stm32F103 chip() {
        return chip;
    }

    ProbeConnector connector() {
        return connector;
    }

    ProbeSelector selector() {
        return selector;
    }

    ConnectOptions options() {
        return options;
    }

    /** The counters now, to subtract around the measured operation. */
    Snapshot snapshot() {
        return new Snapshot(chip.clock().nanos(), System.nanoTime(), processCpuNanos(), usbTransactions.getAsLong(),
                serialBytes.getAsLong(), swd.count);
    }

    @Override
    public void close() {
        chip.removeTraceListener(swd);
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception ignored) {
                // benchmark teardown: nothing to report
            }
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    record Snapshot(long simNanos, long wallNanos, long cpuNanos, long usb, long serialBytes, long swd) {
        Snapshot minus(Snapshot earlier) {
            return new Snapshot(simNanos - earlier.simNanos, wallNanos - earlier.wallNanos, cpuNanos - earlier.cpuNanos,
                    usb - earlier.usb, serialBytes - earlier.serialBytes, swd - earlier.swd);
        }
    }

    /** Counts SWD transactions at the chip's debug port. */
    private static final class SwdCounter implements SimTraceListener {
        private volatile long count;

        @Override
        public void onEvent(SimTraceEvent event) {
            if (event instanceof SimTraceEvent.SwdTransaction) {
                count++;
            }
        }
    }

    /** The host's end of an in-memory serial cable. */
    record Cable(InputStream hostIn, OutputStream hostOut) {
    }

    /** A device emulator's serve loop, as the bootloader and BMP emulators have (CONTRACTS C7). */
    @FunctionalInterface
    interface SerialServer {
        void serve(Stm32F103 chip, InputStream in, OutputStream out) throws IOException;
    }

    /**
     * Each host connection opens a fresh "cable": two {@link BytePipe}s and the emulator serving
     * them on a daemon thread until the host closes its end.
     */
    static final class SerialSessions implements AutoCloseable {
        private final String name;
        private final SerialServer server;
        private final Stm32F103 chip;
        private final List<BytePipe> pipes = new ArrayList<>();

        SerialSessions(String name, SerialServer server, Stm32F103 chip) {
            this.name = name;
            this.server = server;
            this.chip = chip;
        }

        /** Opens a session: the streams of the host's end of the cable. */
        synchronized Cable open() {
            BytePipe toTarget = new BytePipe();
            BytePipe toHost = new BytePipe();
            pipes.add(toTarget);
            pipes.add(toHost);
            Thread t = new Thread(() -> {
                try {
                    server.serve(chip, toTarget.input(), toHost.output());
                } catch (IOException | RuntimeException ignored) {
                    // the host closed the line, or the emulator stopped: the host sees EOF
                } finally {
                    toHost.close();
                }
            }, name + "-emulator");
            t.setDaemon(true);
            t.start();
            return new Cable(toHost.input(), toTarget.output());
        }

        synchronized long bytes() {
            return pipes.stream().mapToLong(BytePipe::transferred).sum();
        }

        @Override
        public synchronized void close() {
            pipes.forEach(BytePipe::close);
        }
    }
}
