package io.blueflash.debug.adi;

import static io.blueflash.debug.adi.FakeMemAp.RAM_BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.TargetCommunicationException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MemApMemoryAccessTest {

    private static final int CSW_WORD = 0xA200_0012;
    private static final int CSW_HALF = 0xA200_0011;

    private final FakeMemAp dap = new FakeMemAp(16);
    private final MemApMemoryAccess memory = new MemApMemoryAccess(dap, 0, 16);

    @Test
    void givenFreshAp_whenRead32_thenSelectCswTarPostedReadAndRdbuff() {
        dap.ram[4] = 0x78;
        dap.ram[5] = 0x56;
        dap.ram[6] = 0x34;
        dap.ram[7] = 0x12;

        int value = memory.read32(RAM_BASE + 4);

        assertThat(value).isEqualTo(0x1234_5678);
        assertThat(dap.log).containsExactly(
                "W SELECT 0x00000000",
                String.format("W AP 0x00 0x%08X", CSW_WORD),
                "W AP 0x04 0x20000004",
                "R AP 0x0C",
                "R RDBUFF");
    }

    @Test
    void givenCswAlreadySet_whenReadAgainAtSameWidth_thenNoSecondCswOrSelectWrite() {
        memory.read32(RAM_BASE);
        int before = dap.log.size();

        memory.read32(RAM_BASE + 8);

        assertThat(dap.logSince(before)).containsExactly("W AP 0x04 0x20000008", "R AP 0x0C", "R RDBUFF");
    }

    @Test
    void givenBytesAndHalfWords_whenWrittenInTheirLanes_thenWordReadsThemBack() {
        memory.write8(RAM_BASE + 1, 0xBB);
        memory.write8(RAM_BASE + 3, 0xDD);
        memory.write16(RAM_BASE + 4, 0x2211);
        memory.write16(RAM_BASE + 6, 0x4433);
        memory.write8(RAM_BASE, 0xAA);
        memory.write8(RAM_BASE + 2, 0xCC);

        assertThat(memory.read32(RAM_BASE)).isEqualTo(0xDDCC_BBAA);
        assertThat(memory.read32(RAM_BASE + 4)).isEqualTo(0x4433_2211);
        assertThat(memory.read8(RAM_BASE + 3)).isEqualTo(0xDD);
        assertThat(memory.read16(RAM_BASE + 6)).isEqualTo(0x4433);
        assertThat(dap.log).contains("W AP 0x0C 0xDD000000", "W AP 0x0C 0x44330000");
    }

    @Test
    void givenCanaryFilledRam_whenNarrowWritesAndBlocks_thenOnlyTheAddressedBytesChange() {
        for (int i = 0; i < dap.ram.length; i++) {
            dap.ram[i] = io.blueflash.contract.CanaryMemory.canary(RAM_BASE + i);
        }
        byte[] before = dap.ram.clone();

        memory.write8(RAM_BASE + 0x101, 0x5A);
        memory.write16(RAM_BASE + 0x206, 0x5A5A);
        memory.writeBlock(RAM_BASE + 0x30E, new byte[] {0x5A, 0x5A, 0x5A, 0x5A, 0x5A, 0x5A}, AccessWidth.HALFWORD);

        for (int i = 0; i < dap.ram.length; i++) {
            boolean written = i == 0x101 || i == 0x206 || i == 0x207 || (i >= 0x30E && i < 0x314);
            assertThat(dap.ram[i]).as("byte 0x%X", i).isEqualTo(written ? (byte) 0x5A : before[i]);
        }
    }

    @Test
    void givenBlockCrossingTarWrap_whenReadBlock_thenTarRewrittenAtEachWindowAndDataIntact() {
        IntStream.range(0, 64).forEach(i -> dap.ram[i] = (byte) i);

        byte[] data = memory.readBlock(RAM_BASE + 8, 44);

        assertThat(data).isEqualTo(slice(8, 44));
        assertThat(dap.log.stream().filter(l -> l.startsWith("W AP 0x04")))
                .containsExactly("W AP 0x04 0x20000008", "W AP 0x04 0x20000010",
                        "W AP 0x04 0x20000020", "W AP 0x04 0x20000030");
        assertThat(dap.log.stream().filter(l -> l.equals("R RDBUFF"))).hasSize(4);
    }

    @Test
    void givenUnalignedBlock_whenReadBlock_thenHeadAndTailBytesComeFromSingleReads() {
        IntStream.range(0, 64).forEach(i -> dap.ram[i] = (byte) (0x80 + i));

        assertThat(memory.readBlock(RAM_BASE + 3, 11)).isEqualTo(slice(3, 11));
        assertThat(memory.readBlock(RAM_BASE + 1, 2)).isEqualTo(slice(1, 2));
        assertThat(memory.readBlock(RAM_BASE, 0)).isEmpty();
    }

    @Test
    void givenHalfWordBlockCrossingTarWrap_whenWriteBlock_thenOnlyHalfWordAccessesAndAllDataLands() {
        byte[] data = new byte[36];
        IntStream.range(0, data.length).forEach(i -> data[i] = (byte) (i + 1));

        memory.writeBlock(RAM_BASE + 6, data, AccessWidth.HALFWORD);

        assertThat(java.util.Arrays.copyOfRange(dap.ram, 6, 42)).isEqualTo(data);
        assertThat(dap.log).contains(String.format("W AP 0x00 0x%08X", CSW_HALF))
                .doesNotContain(String.format("W AP 0x00 0x%08X", CSW_WORD));
        assertThat(dap.log.stream().filter(l -> l.startsWith("W AP 0x04")))
                .containsExactly("W AP 0x04 0x20000006", "W AP 0x04 0x20000010", "W AP 0x04 0x20000020");
        assertThat(dap.log.get(dap.log.size() - 1)).isEqualTo("R RDBUFF");
    }

    @Test
    void givenUnmappedAddress_whenRead32_thenMemoryFaultWithAddressAndStickyErrorCleared() {
        assertThatThrownBy(() -> memory.read32(0x6000_0000))
                .isInstanceOf(MemoryFaultException.class)
                .hasMessageContaining("0x60000000")
                .satisfies(e -> assertThat(((MemoryFaultException) e).address()).isEqualTo(0x6000_0000));

        assertThat(dap.log).contains("R CTRL/STAT", "W ABORT 0x1E");
        dap.ram[0] = 0x42;
        assertThat(memory.read8(RAM_BASE)).isEqualTo(0x42);
    }

    @Test
    void givenPostedWriteToUnmappedAddress_whenWriteBlock_thenFaultSurfacesBeforeReturning() {
        assertThatThrownBy(() -> memory.writeBlock(RAM_BASE + 0xFF0, new byte[32], AccessWidth.WORD))
                .isInstanceOf(MemoryFaultException.class);

        memory.write32(RAM_BASE, 0x0102_0304);
        assertThat(memory.read32(RAM_BASE)).isEqualTo(0x0102_0304);
    }

    @Test
    void givenWireErrorWithoutStickyErr_whenAccess_thenCommunicationErrorNotMemoryFault() {
        dap.nextApWireError = true;

        assertThatThrownBy(() -> memory.read32(RAM_BASE))
                .isInstanceOf(TargetCommunicationException.class)
                .isNotInstanceOf(MemoryFaultException.class)
                .satisfies(e -> assertThat(((TargetCommunicationException) e).reason())
                        .isEqualTo(TargetCommunicationException.Reason.LINK_ERRORS));
    }

    @Test
    void givenWaitStorm_whenAccess_thenDapAbortWrittenAndTimeoutRethrown() {
        dap.nextApWaitTimeout = true;

        assertThatThrownBy(() -> memory.read32(RAM_BASE))
                .isInstanceOf(io.blueflash.port.out.DapWaitTimeoutException.class);
        assertThat(dap.log).contains("W ABORT 0x01");
        assertThat(memory.read32(RAM_BASE)).isEqualTo(0);
    }

    @Test
    void givenUnalignedSingleAccess_whenRead16_thenIllegalArgumentAndNoTransaction() {
        assertThatThrownBy(() -> memory.read16(RAM_BASE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.write32(RAM_BASE + 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(dap.log).isEmpty();
    }

    @Test
    void givenWrapNotPowerOfTwo_whenConstructed_thenRejected() {
        assertThatThrownBy(() -> new MemApMemoryAccess(dap, 0, 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tarWrapBytes");
    }

    private byte[] slice(int from, int length) {
        return java.util.Arrays.copyOfRange(dap.ram, from, from + length);
    }
}
