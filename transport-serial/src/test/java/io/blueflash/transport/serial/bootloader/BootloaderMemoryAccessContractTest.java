package io.blueflash.transport.serial.bootloader;

import io.blueflash.contract.MemoryAccessContract;
import io.blueflash.model.TraceSink;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.transport.serial.line.SerialSettings;
import io.blueflash.transport.serial.testing.EmulatedBootloader;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterEach;

/** READ/WRITE MEMORY (with read-modify-write for narrow SRAM writes) keep the MemoryAccess port's promises. */
class BootloaderMemoryAccessContractTest extends MemoryAccessContract {

    private EmulatedBootloader bootloader;
    private BootloaderTargetConnection connection;

    @Override
    protected MemoryAccess memory() {
        try {
            bootloader = EmulatedBootloader.start(Stm32F103.create("stm32f103c8"), SerialSettings.eightEvenOne(115200));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connection = BootloaderTargetConnection.open(bootloader.hostLine(), BootloaderTimeouts.defaults(), 3,
                TraceSink.NONE);
        return connection.memoryAccess().orElseThrow();
    }

    @Override
    protected int ramBase() {
        return 0x2000_2000;
    }

    @Override
    protected int unmappedAddress() {
        return 0x1000_0000;
    }

    @AfterEach
    void closeConnection() throws InterruptedException {
        if (connection != null) {
            connection.close();
            bootloader.close();
        }
    }
}
