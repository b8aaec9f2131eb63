package io.blueflash.transport.usb.stlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.contract.TargetConnectionContract;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.ResetKind;
import io.blueflash.port.in.ResetTargetRequest;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.service.ResetTargetService;
import io.blueflash.sim.chip.SimState;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.stlink.StLinkPersonality;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The shared {@link TargetConnectionContract} (the same the simulator adapter keeps) through the
 * ST-Link host protocol, the bytes, the ST-Link emulator and the simulated chip, once per
 * personality; plus the core's reset use case, soft and hard.
 */
class StLinkTargetConnectionContractTest {

    abstract static class EmulatedContract extends TargetConnectionContract {

        EmulatedStLinks.Probe probe;

        abstract StLinkPersonality personality();

        @Override
        protected ProbeConnector connector() {
            probe = EmulatedStLinks.probe(personality());
            return EmulatedStLinks.connector(probe);
        }

        @Override
        protected ProbeSelector selector() {
            return ProbeSelector.parse("stlink:" + personality().serial());
        }

        @Test
        void givenHaltedTarget_whenResetSoftAndHardThroughTheService_thenRunningAfterwardsAndHaltedOnRequest() {
            ProbeConnector connector = connector();
            installLoopingFirmware(probe.chip);
            ResetTargetService service = new ResetTargetService(List.of(connector));

            service.reset(new ResetTargetRequest(selector(), ConnectOptions.defaults(), ResetKind.SOFT, true));
            try (TargetConnection connection = connector.connect(selector(),
                    ConnectOptions.defaults().withMode(io.blueflash.model.ConnectMode.HOT_PLUG))) {
                assertThat(connection.coreControl().orElseThrow().isHalted()).isTrue();
            }
            service.reset(new ResetTargetRequest(selector(), ConnectOptions.defaults(), ResetKind.HARD, false));
            try (TargetConnection connection = connector.connect(selector(),
                    ConnectOptions.defaults().withMode(io.blueflash.model.ConnectMode.HOT_PLUG))) {
                assertThat(connection.coreControl().orElseThrow().isHalted()).isFalse();
            }
            assertThat(probe.emulator.counters().count("DRIVE_NRST")).isPositive();
        }
    }

    /**
     * Firmware whose reset handler loops ({@code b .}): the core executes, so a blank chip would
     * HardFault and, with the VC_HARDERR stlink leaves armed, halt on the vector catch as silicon does.
     */
    static void installLoopingFirmware(Stm32F103 chip) {
        SimState state = chip.saveState();
        byte[] flash = state.flash();
        ByteBuffer.wrap(flash).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x2000_5000).putInt(4, 0x0800_0009)
                .putShort(8, (short) 0xE7FE);
        chip.restoreState(new SimState(state.profileName(), flash, state.optionBytes()));
    }

    @Nested
    class V2J29S7 extends EmulatedContract {
        @Override
        StLinkPersonality personality() {
            return StLinkPersonality.v2();
        }
    }

    @Nested
    class V2_1 extends EmulatedContract {
        @Override
        StLinkPersonality personality() {
            return StLinkPersonality.v21();
        }
    }

    @Nested
    class V3 extends EmulatedContract {
        @Override
        StLinkPersonality personality() {
            return StLinkPersonality.v3();
        }
    }
}
