package io.blueflash.contract;

import io.blueflash.port.out.MemoryAccess;

/** The bus-level fake keeps the MemoryAccess contract, so service tests built on it mean something. */
class FakeMemoryAccessContractTest extends MemoryAccessContract {

    @Override
    protected MemoryAccess memory() {
        return new FakeStm32F1Target();
    }

    @Override
    protected int ramBase() {
        return FakeStm32F1Target.SRAM_BASE;
    }

    @Override
    protected int unmappedAddress() {
        return 0x1000_0000;
    }
}
