package io.blueflash.bench;

import io.blueflash.port.out.ProbeConnector;
import io.blueflash.sim.adapter.SimulatedProbeConnector;
import io.blueflash.sim.bootloader.BootloaderEmulator;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.chip.TimingPreset;
import io.blueflash.sim.gdb.GdbServerEmulator;
import io.blueflash.sim.stlink.StLinkEmulator;
import io.blueflash.sim.stlink.StLinkPersonality;
import io.blueflash.transport.serial.bootloader.BootloaderProbeConnector;
import io.blueflash.transport.serial.bootloader.BootloaderTimeouts;
import io.blueflash.transport.serial.gdb.BlackMagicProbeConnector;
import io.blueflash.transport.serial.line.StreamSerialLine;
import io.blueflash.transport.usb.stlink.InProcessStLinkChannel;
import io.blueflash.transport.usb.stlink.StLinkChannel;
import io.blueflash.transport.usb.stlink.StLinkDeviceInfo;
import io.blueflash.transport.usb.stlink.StLinkDeviceProvider;
import io.blueflash.transport.usb.stlink.StLinkProbeConnector;
import io.blueflash.transport.usb.stlink.WaitBackoff;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The one place that knows how each transport's public hooks meet its emulator: the ST-Link
 * connector's {@link StLinkDeviceProvider}, the serial connectors' port openers. This is the
 * benchmark's composition root; nothing else in blueflash wires host transports to emulators.
 */
final class BenchWiring {

    private BenchWiring() {
    }

    record StLink(ProbeConnector connector, LongSupplier commands) {
    }

    static ProbeConnector simDirect(Stm32F103 chip) {
        return SimulatedProbeConnector.withBoard(chip);
    }

    static StLink stLink(Stm32F103 chip, boolean v3, TimingPreset preset) {
        StLinkPersonality personality = v3 ? StLinkPersonality.v3() : StLinkPersonality.v2();
        StLinkEmulator emulator = new StLinkEmulator(chip, personality);
        emulator.setFirmwareNanosPerReadTransfer(preset.stLinkNanosPerReadTransfer());
        StLinkDeviceInfo info = new StLinkDeviceInfo(personality.serial(), personality.productId(), "in-process emulator");
        StLinkDeviceProvider devices = new StLinkDeviceProvider() {
            @Override
            public List<StLinkDeviceInfo> list() {
                return List.of(info);
            }

            @Override
            public StLinkChannel open(StLinkDeviceInfo device) {
                // a channel per connection; the emulator outlives them, as a probe on a cable does
                return new InProcessStLinkChannel(emulator::transfer, chip.clock()::nanos);
            }
        };
        return new StLink(new StLinkProbeConnector(devices, WaitBackoff.NONE), () -> emulator.counters().commands());
    }

    static void bootloaderServer(Stm32F103 chip, InputStream in, OutputStream out) throws IOException {
        new BootloaderEmulator(chip, 115_200).serve(in, out);
    }

    static ProbeConnector bootloader(BenchRig.SerialSessions sessions) {
        return new BootloaderProbeConnector((port, settings) -> {
            BenchRig.Cable cable = sessions.open();
            return new StreamSerialLine(port, settings, cable.hostIn(), cable.hostOut());
        }, BootloaderTimeouts.defaults());
    }

    static void bmpServer(Stm32F103 chip, InputStream in, OutputStream out) throws IOException {
        new GdbServerEmulator(chip).serve(in, out);
    }

    static ProbeConnector bmp(BenchRig.SerialSessions sessions) {
        return new BlackMagicProbeConnector((port, settings) -> {
            BenchRig.Cable cable = sessions.open();
            return new StreamSerialLine(port, settings, cable.hostIn(), cable.hostOut());
        });
    }
}
