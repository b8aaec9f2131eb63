package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GdbMemoryMapTest {

    /** BMP's map for an F103 medium density (facts §F.3), with the DOCTYPE GDB servers send. */
    static final String BMP_MD = "<?xml version=\"1.0\"?><!DOCTYPE memory-map PUBLIC \"+//IDN gnu.org//DTD GDB Memory"
            + " Map V1.0//EN\" \"http://sourceware.org/gdb/gdb-memory-map.dtd\"><memory-map>"
            + "<memory type=\"ram\" start=\"0x20000000\" length=\"0x5000\"/>"
            + "<memory type=\"flash\" start=\"0x08000000\" length=\"0x20000\">"
            + "<property name=\"blocksize\">0x400</property></memory></memory-map>";

    @Test
    void givenBmpMediumDensityMap_whenParsed_thenRamAndFlashWithBlockSize() {
        GdbMemoryMap map = GdbMemoryMap.parse(BMP_MD);

        assertThat(map.regions()).containsExactly(
                new GdbMemoryMap.Region("flash", 0x0800_0000L, 0x20000, 0x400),
                new GdbMemoryMap.Region("ram", 0x2000_0000L, 0x5000, 0));
        assertThat(map.flashRegions()).hasSize(1);
    }

    @Test
    void givenMatchingPage_whenCheckedForErase_thenAccepted() {
        GdbMemoryMap map = GdbMemoryMap.parse(BMP_MD);

        assertThat(map.checkPageErase(0x0800_FC00L, 1024).blockSize()).isEqualTo(0x400);
        assertThat(map.checkPageErase(0x0800_0800L, 2048).start()).isEqualTo(0x0800_0000L);
    }

    @Test
    void givenPageSmallerThanBlock_whenCheckedForErase_thenMismatchBeforeAnythingIsErased() {
        GdbMemoryMap map = GdbMemoryMap.parse(BMP_MD.replace("0x400", "0x800"));

        assertThatThrownBy(() -> map.checkPageErase(0x0800_0400L, 1024))
                .isInstanceOf(FlashGeometryMismatchException.class)
                .hasMessageContaining("2048-byte flash blocks").hasMessageContaining("neighbouring data");
    }

    @Test
    void givenPageOutsideFlash_whenChecked_thenMismatchListsTheRegions() {
        GdbMemoryMap map = GdbMemoryMap.parse(BMP_MD);

        assertThatThrownBy(() -> map.checkPageErase(0x0802_0000L, 1024))
                .isInstanceOf(FlashGeometryMismatchException.class)
                .hasMessageContaining("[0x08000000, 0x08020000) in 1024-byte blocks");
        assertThatThrownBy(() -> map.checkProgram(0x2000_0000L, 4)).isInstanceOf(FlashGeometryMismatchException.class);
    }

    @Test
    void givenFlashWithoutBlockSize_whenParsed_thenProtocolError() {
        assertThatThrownBy(() -> GdbMemoryMap.parse("<memory-map><memory type=\"flash\" start=\"0\" length=\"4\"/>"
                + "</memory-map>")).isInstanceOf(RspProtocolException.class).hasMessageContaining("blocksize");
    }

    @Test
    void givenGarbage_whenParsed_thenProtocolError() {
        assertThatThrownBy(() -> GdbMemoryMap.parse("<memory-map")).isInstanceOf(RspProtocolException.class);
    }
}
