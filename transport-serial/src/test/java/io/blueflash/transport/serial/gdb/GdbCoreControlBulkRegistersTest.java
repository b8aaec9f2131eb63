package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.TargetConnection;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many core registers at once through a BMP: one {@code g} to read them, one {@code g} and one {@code G} to write. */
class GdbCoreControlBulkRegistersTest {

    private static final int[] CORE = IntStream.rangeClosed(0, 16).toArray();

    private final EmulatedBlackMagicProbe probe = new EmulatedBlackMagicProbe("stm32f103c8");
    private final TargetConnection connection = probe.connector()
            .connect(new ProbeSelector("bmp", EmulatedBlackMagicProbe.PORT), ConnectOptions.defaults());
    private final CoreControl core = connection.coreControl().orElseThrow();

    @AfterEach
    void close() {
        connection.close();
        probe.close();
    }

    @Test
    void givenHaltedCore_whenSeventeenRegistersWrittenAndReadAtOnce_thenTwoPacketsToWriteOneToReadAndTheValuesHold() {
        int[] values = IntStream.of(CORE).map(r -> r == 16 ? 0x0100_0000 : r == 13 ? 0x2000_1000 : r == 15 ? 0x2000_0100 : 0x1111_0000 + r)
                .toArray();

        long before = probe.emulator.packetsReceived();
        core.writeCoreRegisters(CORE, values);
        long writePackets = probe.emulator.packetsReceived() - before;
        int[] back = core.readCoreRegisters(CORE);
        long readPackets = probe.emulator.packetsReceived() - before - writePackets;

        assertThat(back).containsExactly(values);
        assertThat(IntStream.of(CORE).map(core::readCoreRegister).toArray()).containsExactly(values);
        assertThat(writePackets).as("g + G").isEqualTo(2);
        assertThat(readPackets).as("g").isEqualTo(1);
    }
}
