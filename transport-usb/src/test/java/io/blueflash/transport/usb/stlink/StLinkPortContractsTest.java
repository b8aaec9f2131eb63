package io.blueflash.transport.usb.stlink;

import io.blueflash.contract.FlashAlgorithmContract;
import io.blueflash.contract.MemoryAccessContract;
import io.blueflash.debug.adi.MemApMemoryAccess;
import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.flash.stm32f1.FpecFlashAlgorithm;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.sim.stlink.StLinkPersonality;
import org.junit.jupiter.api.Nested;

/**
 * The api's port contracts through the emulated ST-Link: its native memory commands, the core's
 * MEM-AP code over its DAP register commands (which checks the posted-read emulation of
 * {@link StLinkDapRegisterAccess}), and the FPEC algorithm over its memory commands.
 */
class StLinkPortContractsTest {

    static TargetConnection open(StLinkPersonality personality) {
        return EmulatedStLinks.connector(EmulatedStLinks.probe(personality))
                .connect(ProbeSelector.parse("stlink"), ConnectOptions.defaults());
    }

    /** The simulated STM32F103's SRAM (above the bootloader's reserved area) and a hole in its memory map. */
    abstract static class OnTheEmulatedChip extends MemoryAccessContract {
        @Override
        protected int ramBase() {
            return 0x2000_1000;
        }

        @Override
        protected int unmappedAddress() {
            return 0x1000_0000;
        }
    }

    @Nested
    class NativeMemoryCommandsOnV2 extends OnTheEmulatedChip {
        @Override
        protected MemoryAccess memory() {
            return open(StLinkPersonality.v2()).memoryAccess().orElseThrow();
        }
    }

    @Nested
    class NativeMemoryCommandsOnV3 extends OnTheEmulatedChip {
        @Override
        protected MemoryAccess memory() {
            return open(StLinkPersonality.v3()).memoryAccess().orElseThrow();
        }
    }

    @Nested
    class CoreMemApOverDapRegisterCommands extends OnTheEmulatedChip {
        @Override
        protected MemoryAccess memory() {
            return new MemApMemoryAccess(open(StLinkPersonality.v2()).dapRegisterAccess().orElseThrow(), 0, 1024);
        }
    }

    @Nested
    class FpecOverV2MemoryCommands extends FlashAlgorithmContract {
        @Override
        protected FlashAlgorithm algorithm() {
            return new FpecFlashAlgorithm(open(StLinkPersonality.v2()).memoryAccess().orElseThrow(), geometry(),
                    ProgramPacing.PAGE_BLOCK);
        }

        @Override
        protected FlashGeometry geometry() {
            return FlashGeometry.stm32f1(0x0800_0000, 1024, 64 * 1024);
        }
    }
}
