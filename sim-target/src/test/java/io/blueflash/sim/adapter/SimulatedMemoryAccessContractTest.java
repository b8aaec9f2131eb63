package io.blueflash.sim.adapter;

import io.blueflash.contract.MemoryAccessContract;
import io.blueflash.model.ConnectMode;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.MemoryAccess;

/** The api's {@link MemoryAccessContract} held by the sim connection's MEM-AP memory access over the simulated wire. */
class SimulatedMemoryAccessContractTest extends MemoryAccessContract {

    @Override
    protected MemoryAccess memory() {
        return new SimulatedProbeConnector().connect(ProbeSelector.parse("sim"),
                ConnectOptions.defaults().withMode(ConnectMode.HOT_PLUG)).memoryAccess().orElseThrow();
    }

    @Override
    protected int ramBase() {
        return 0x2000_1000;
    }

    @Override
    protected int unmappedAddress() {
        return 0x1000_0000;
    }
}
