package io.blueflash.transport.usb.stlink;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.stlink.StLinkEmulator;
import io.blueflash.sim.stlink.StLinkPersonality;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Builds connectors whose probes are ST-Link emulators in front of simulated chips. */
final class EmulatedStLinks {

    /** One emulated probe: its chip, its firmware emulator and the last channel opened to it. */
    static final class Probe {
        final Stm32F103 chip;
        final StLinkPersonality personality;
        StLinkEmulator emulator;
        EmulatedStLinkChannel channel;

        Probe(Stm32F103 chip, StLinkPersonality personality) {
            this.chip = chip;
            this.personality = personality;
            this.emulator = new StLinkEmulator(chip, personality);
        }

        /** The probe is replugged: its firmware restarts, the chip keeps its state. */
        void replug() {
            emulator = new StLinkEmulator(chip, personality);
        }

        StLinkDeviceInfo info() {
            return new StLinkDeviceInfo(personality.serial(), personality.productId(), "emulated");
        }

        Supplier<StLinkChannel> opener() {
            return () -> channel = new EmulatedStLinkChannel(emulator, chip);
        }
    }

    private EmulatedStLinks() {
    }

    static Probe probe(StLinkPersonality personality) {
        return probe(personality, "stm32f103c8");
    }

    static Probe probe(StLinkPersonality personality, String chipProfile) {
        return new Probe(Stm32F103.create(chipProfile), personality);
    }

    static StLinkProbeConnector connector(Probe... probes) {
        Map<StLinkDeviceInfo, Supplier<StLinkChannel>> devices = new LinkedHashMap<>();
        for (Probe p : probes) {
            devices.put(p.info(), p.opener());
        }
        return new StLinkProbeConnector(StLinkDeviceProviders.fixed(devices), WaitBackoff.NONE);
    }
}
