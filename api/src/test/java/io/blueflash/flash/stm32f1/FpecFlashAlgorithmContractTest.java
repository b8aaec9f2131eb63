package io.blueflash.flash.stm32f1;

import io.blueflash.contract.FakeStm32F1Target;
import io.blueflash.contract.FlashAlgorithmContract;
import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.ProgramPacing;
import org.junit.jupiter.api.Nested;

/** The FPEC algorithm keeps the FlashAlgorithm contract on the bus-level fake, at both paces. */
class FpecFlashAlgorithmContractTest {

    private static final FlashGeometry GEOMETRY = FlashGeometry.stm32f1(0x0800_0000L, 1024, 64 * 1024);

    @Nested
    class GenuinePageBlock extends FlashAlgorithmContract {
        @Override
        protected FlashAlgorithm algorithm() {
            return new FpecFlashAlgorithm(new FakeStm32F1Target(), GEOMETRY, ProgramPacing.PAGE_BLOCK);
        }

        @Override
        protected FlashGeometry geometry() {
            return GEOMETRY;
        }
    }

    @Nested
    class ClonePollEach extends FlashAlgorithmContract {
        @Override
        protected FlashAlgorithm algorithm() {
            return new FpecFlashAlgorithm(new FakeStm32F1Target().asApm32Clone(), GEOMETRY, ProgramPacing.POLL_EACH);
        }

        @Override
        protected FlashGeometry geometry() {
            return GEOMETRY;
        }
    }
}
