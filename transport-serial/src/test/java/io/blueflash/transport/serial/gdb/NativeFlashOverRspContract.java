package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.contract.FlashAlgorithmContract;
import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.flash.NativeFlashAlgorithm;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.TargetConnection;
import org.junit.jupiter.api.AfterEach;

/** The core's native flash algorithm over vFlash packets to the BMP emulator on one chip profile. */
abstract class NativeFlashOverRspContract extends FlashAlgorithmContract {

    private EmulatedBlackMagicProbe probe;
    private TargetConnection connection;

    abstract String profile();

    @Override
    protected FlashAlgorithm algorithm() {
        probe = new EmulatedBlackMagicProbe(profile());
        connection = probe.connector().connect(new ProbeSelector("bmp", EmulatedBlackMagicProbe.PORT),
                ConnectOptions.defaults());
        return new NativeFlashAlgorithm(connection.nativeFlashAccess().orElseThrow(),
                connection.memoryAccess().orElseThrow(), geometry().pageSize(), "bmp");
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
