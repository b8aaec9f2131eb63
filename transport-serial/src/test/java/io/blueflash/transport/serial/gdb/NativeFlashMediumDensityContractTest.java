package io.blueflash.transport.serial.gdb;

import io.blueflash.model.FlashGeometry;

/** FlashAlgorithm contract through BMP on a medium-density part: 1 KB blocks. */
class NativeFlashMediumDensityContractTest extends NativeFlashOverRspContract {

    @Override
    String profile() {
        return "stm32f103c8";
    }

    @Override
    protected FlashGeometry geometry() {
        return FlashGeometry.stm32f1(0x0800_0000L, 1024, 64 * 1024);
    }
}
