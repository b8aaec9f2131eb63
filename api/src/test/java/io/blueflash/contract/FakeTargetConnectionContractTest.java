package io.blueflash.contract;

import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;

/** The contract held by the bus-level fake itself: proves the contract runs and can be met. */
class FakeTargetConnectionContractTest extends TargetConnectionContract {

    @Override
    protected ProbeConnector connector() {
        return new FakeConnector(new FakeStm32F1Target());
    }

    @Override
    protected ProbeSelector selector() {
        return FakeConnector.SELECTOR;
    }
}
