package io.blueflash.sim.adapter;

import io.blueflash.contract.TargetConnectionContract;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.sim.chip.SimProfile;
import org.junit.jupiter.api.Nested;

/**
 * The api's {@link TargetConnectionContract} (memory access, and write/read/erase/verify/inspect
 * through the real services) held by the simulator adapter for every profile, including the
 * APM32 that loses half-words written while BSY.
 */
class SimulatedTargetConnectionContractTest {

    abstract static class OnProfile extends TargetConnectionContract {

        abstract String profile();

        @Override
        protected ProbeConnector connector() {
            return new SimulatedProbeConnector();
        }

        @Override
        protected ProbeSelector selector() {
            return ProbeSelector.parse("sim:" + profile());
        }

        @Override
        protected int pageSize() {
            return SimProfile.named(profile()).pageSize();
        }
    }

    @Nested
    class Stm32f103c8 extends OnProfile {
        @Override
        String profile() {
            return "stm32f103c8";
        }
    }

    @Nested
    class Stm32f103cb extends OnProfile {
        @Override
        String profile() {
            return "stm32f103cb";
        }
    }

    @Nested
    class Stm32f103rc extends OnProfile {
        @Override
        String profile() {
            return "stm32f103rc";
        }
    }

    @Nested
    class Stm32f103ze extends OnProfile {
        @Override
        String profile() {
            return "stm32f103ze";
        }
    }

    @Nested
    class Stm32f103zg extends OnProfile {
        @Override
        String profile() {
            return "stm32f103zg";
        }
    }

    @Nested
    class Cks32f103c8 extends OnProfile {
        @Override
        String profile() {
            return "cks32f103c8";
        }
    }

    @Nested
    class Apm32f103c8 extends OnProfile {
        @Override
        String profile() {
            return "apm32f103c8";
        }
    }

    @Nested
    class Gd32f103c8 extends OnProfile {
        @Override
        String profile() {
            return "gd32f103c8";
        }
    }
}
