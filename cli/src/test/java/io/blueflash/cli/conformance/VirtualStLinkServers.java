package io.blueflash.cli.conformance;

import io.blueflash.cli.sim.StreamService;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.stlink.StLinkEmulator;
import io.blueflash.sim.stlink.StLinkPersonality;
import io.blueflash.sim.stlink.server.StLinkServer;
import io.blueflash.sim.stlink.server.StLinkServerDevice;

/** The stlink-server front end of one simulated chip, posing as a chosen ST-Link. */
final class VirtualStLinkServers {

    private VirtualStLinkServers() {
    }

    static StreamService stLinkServer(Stm32F103 chip, StLinkPersonality personality) {
        StLinkEmulator emulator = new StLinkEmulator(chip, personality);
        StLinkServerDevice device = new StLinkServerDevice(0x0483, personality.productId(), personality.serial());
        return new StLinkServer(emulator::transfer, device, System.out::println)::serve;
    }
}
