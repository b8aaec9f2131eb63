package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.contract.TargetConnectionContract;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import org.junit.jupiter.api.AfterEach;

/**
 * The port contract for the BMP transport: every service (write, read, erase, verify, inspect)
 * end to end through RSP to the sim's BMP emulator on a fresh Blue Pill.
 */
class BlackMagicProbeContractTest extends TargetConnectionContract {

    private EmulatedBlackMagicProbe probe;

    @Override
    protected ProbeConnector connector() {
        probe = new EmulatedBlackMagicProbe("stm32f103c8");
        return probe.connector();
    }

    @Override
    protected ProbeSelector selector() {
        return new ProbeSelector("bmp", EmulatedBlackMagicProbe.PORT);
    }

    @AfterEach
    void endSessions() {
        if (probe != null) {
            probe.close();
            assertThat(probe.failure()).isNull();
        }
    }
}
