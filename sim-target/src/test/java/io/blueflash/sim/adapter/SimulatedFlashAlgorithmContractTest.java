package io.blueflash.sim.adapter;

import io.blueflash.chip.ChipDescription;
import io.blueflash.chip.ChipIdentifier;
import io.blueflash.contract.FlashAlgorithmContract;
import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.flash.DriverChoice;
import io.blueflash.progress.ProgressListener;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.FlashMethod;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.out.TargetConnection;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;

/**
 * The api's {@link FlashAlgorithmContract} for the algorithm the core selects (AUTO pacing and
 * method: blueflash's SRAM loader, since the simulated probe has run control and the chip SRAM) on
 * a genuine part, a high-density part, the XL part and the APM32 clone.
 */
class SimulatedFlashAlgorithmContractTest {

    abstract static class OnProfile extends FlashAlgorithmContract {
        private FlashGeometry geometry;

        abstract String profile();

        @Override
        protected FlashAlgorithm algorithm() {
            TargetConnection connection = new SimulatedProbeConnector()
                    .connect(ProbeSelector.parse("sim:" + profile()), ConnectOptions.defaults());
            ChipDescription chip = new ChipIdentifier().identify(connection.memoryAccess().orElseThrow(), OptionalInt.empty());
            geometry = chip.flash();
            return chip.flashFamily().driver(connection, geometry,
                    new DriverChoice(ProgramPacing.AUTO, chip.isClone(), ProgressListener.NONE, FlashMethod.AUTO,
                            chip.sramBytes()));
        }

        @Override
        protected FlashGeometry geometry() {
            if (geometry == null) {
                algorithm();
            }
            return geometry;
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
    class Apm32f103c8 extends OnProfile {
        @Override
        String profile() {
            return "apm32f103c8";
        }
    }
}
