package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.contract.MemoryAccessContract;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetConnection;
import org.junit.jupiter.api.AfterEach;

/** The MemoryAccess contract for RSP m/M/X, against the BMP emulator's SRAM. */
class GdbMemoryAccessContractTest extends MemoryAccessContract {

    private EmulatedBlackMagicProbe probe;
    private TargetConnection connection;

    @Override
    protected MemoryAccess memory() {
        probe = new EmulatedBlackMagicProbe("stm32f103c8");
        connection = probe.connector().connect(new ProbeSelector("bmp", EmulatedBlackMagicProbe.PORT),
                ConnectOptions.defaults());
        return connection.memoryAccess().orElseThrow();
    }

    @Override
    protected int ramBase() {
        return 0x2000_1000;
    }

    @Override
    protected int unmappedAddress() {
        return 0x1000_0000;
    }

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
            probe.close();
            assertThat(probe.failure()).isNull();
        }
    }
}
