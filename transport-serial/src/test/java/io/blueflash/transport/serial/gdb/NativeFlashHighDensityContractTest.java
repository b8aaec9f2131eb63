package io.blueflash.transport.serial.gdb;

import io.blueflash.model.FlashGeometry;

/** FlashAlgorithm contract through BMP on a high-density part: 2 KB blocks. */
class NativeFlashHighDensityContractTest extends NativeFlashOverRspContract {

    @Override
    String profile() {
        return "stm32f103rc";
    }

    @Override
    protected FlashGeometry geometry() {
        return FlashGeometry.stm32f1(0x0800_0000L, 2048, 256 * 1024);
    }
}
