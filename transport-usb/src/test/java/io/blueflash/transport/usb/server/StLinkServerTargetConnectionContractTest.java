package io.blueflash.transport.usb.server;

import io.blueflash.contract.TargetConnectionContract;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.sim.stlink.StLinkPersonality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The shared {@link TargetConnectionContract} through {@code --probe stlink-server:HOST:PORT}: the
 * ST-Link protocol code over a real TCP socket, in the stlink-server protocol, to the simulator's
 * stlink-server, ST-Link emulator and chip; once per ST-Link generation.
 */
class StLinkServerTargetConnectionContractTest {

    abstract static class OverTcp extends TargetConnectionContract {

        LoopbackStLinkServer server;

        abstract StLinkPersonality personality();

        @Override
        protected ProbeConnector connector() {
            return new StLinkServerProbeConnector();
        }

        @Override
        protected ProbeSelector selector() {
            if (server == null) {
                server = new LoopbackStLinkServer(personality());
            }
            return ProbeSelector.parse(server.selector());
        }

        @AfterEach
        void stopServer() {
            if (server != null) {
                server.close();
            }
        }
    }

    @Nested
    class V2 extends OverTcp {
        @Override
        StLinkPersonality personality() {
            return StLinkPersonality.v2();
        }
    }

    @Nested
    class V2_1 extends OverTcp {
        @Override
        StLinkPersonality personality() {
            return StLinkPersonality.v21();
        }
    }

    @Nested
    class V3 extends OverTcp {
        @Override
        StLinkPersonality personality() {
            return StLinkPersonality.v3();
        }
    }
}
