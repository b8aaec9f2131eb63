package io.blueflash.debug.adi;

import io.blueflash.contract.MemoryAccessContract;
import io.blueflash.port.out.MemoryAccess;

/** MemApMemoryAccess keeps the MemoryAccess contract over the scripted wire with a 1 KB TAR window. */
class MemApMemoryAccessContractTest extends MemoryAccessContract {

    @Override
    protected MemoryAccess memory() {
        return new MemApMemoryAccess(new FakeMemAp(1024), 0, 1024);
    }

    @Override
    protected int ramBase() {
        return FakeMemAp.RAM_BASE;
    }

    @Override
    protected int unmappedAddress() {
        return 0x6000_0000;
    }
}
