package io.blueflash.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The {@link MemoryAccess} port's promises (its Javadoc), for any implementation: a transport's
 * own memory commands, {@code debug.adi.MemApMemoryAccess}, a bootloader's READ/WRITE MEMORY.
 * Give it memory with {@link #ramSize()} writable bytes at {@link #ramBase()} and an address that
 * bus-faults.
 */
public abstract class MemoryAccessContract {

    /** A fresh memory under test; called once per test. */
    protected abstract MemoryAccess memory();

    /** Start of writable RAM; word aligned. */
    protected abstract int ramBase();

    /** An address where every access is a bus error. */
    protected abstract int unmappedAddress();

    /** Writable RAM bytes from {@link #ramBase()}; at least 2 KB so blocks cross a 1 KB TAR window. */
    protected int ramSize() {
        return 2048;
    }

    private MemoryAccess memory;

    private MemoryAccess m() {
        if (memory == null) {
            memory = memory();
        }
        return memory;
    }

    @Test
    void givenRam_whenWordWritten_thenEveryNarrowerReadSeesItsLittleEndianLanes() {
        m().write32(ramBase(), 0x8765_4321);

        assertThat(m().read32(ramBase())).isEqualTo(0x8765_4321);
        assertThat(m().read16(ramBase())).isEqualTo(0x4321);
        assertThat(m().read16(ramBase() + 2)).isEqualTo(0x8765);
        assertThat(m().read8(ramBase() + 3)).isEqualTo(0x87);
    }

    @Test
    void givenRam_whenHalfWordsAndBytesWritten_thenOnlyTheirLanesChange() {
        m().write32(ramBase(), 0);
        m().write16(ramBase() + 2, 0xBEEF);
        m().write8(ramBase() + 1, 0x7A);

        assertThat(m().read32(ramBase())).isEqualTo(0xBEEF_7A00);
    }

    @Test
    void givenRam_whenBlocksWrittenAtEachWidthAcrossA1kBoundary_thenReadBlockReturnsThem() {
        for (AccessWidth width : AccessWidth.values()) {
            byte[] data = TestImages.randomBytes(1024 + 12, width.ordinal());
            int at = ramBase() + 1024 - 8;
            m().writeBlock(at, data, width);
            assertThat(m().readBlock(at, data.length)).as(width.name()).isEqualTo(data);
        }
    }

    @Test
    void givenRam_whenReadBlockAtOddAddressAndLength_thenExactBytes() {
        byte[] data = TestImages.countingBytes(64, 3);
        m().writeBlock(ramBase(), data, AccessWidth.WORD);

        assertThat(m().readBlock(ramBase() + 1, 13)).isEqualTo(Arrays.copyOfRange(data, 1, 14));
        assertThat(m().readBlock(ramBase() + 5, 0)).isEmpty();
    }

    @Test
    void givenUnalignedSingleAccess_whenCalled_thenIllegalArgumentNotASilentSplit() {
        assertThatThrownBy(() -> m().read32(ramBase() + 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m().write16(ramBase() + 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m().writeBlock(ramBase() + 2, new byte[4], AccessWidth.WORD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenUnmappedAddress_whenRead_thenMemoryFaultWithAddressAndMemoryStillUsable() {
        assertThatThrownBy(() -> m().read32(unmappedAddress())).isInstanceOf(MemoryFaultException.class)
                .satisfies(e -> assertThat(((MemoryFaultException) e).address()).isEqualTo(unmappedAddress()));

        m().write32(ramBase(), 0x1234_5678);
        assertThat(m().read32(ramBase())).isEqualTo(0x1234_5678);
    }
}
