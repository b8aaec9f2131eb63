package io.blueflash.chip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Stm32F1DensityTest {

    @ParameterizedTest(name = "DEV_ID {0}")
    @CsvSource({"0x412,LOW_DENSITY,32,1024,10,4", "0x410,MEDIUM_DENSITY,128,1024,20,4", "0x414,HIGH_DENSITY,512,2048,64,2",
            "0x430,XL_DENSITY,1024,2048,96,2", "0x418,CONNECTIVITY_LINE,256,2048,64,2",
            "0x420,VALUE_LINE_LOW_MEDIUM,128,1024,8,4", "0x428,VALUE_LINE_HIGH,512,2048,32,4"})
    void givenDevId_whenLookedUp_thenRowOfFactsA2(String devId, Stm32F1Density density, int maxKb, int page, int sramKb, int wrp) {
        Stm32F1Density d = Stm32F1Density.ofDevId(Integer.decode(devId)).orElseThrow();

        assertThat(d).isEqualTo(density);
        assertThat(d.maxFlashBytes()).isEqualTo(maxKb * 1024L);
        assertThat(d.pageSize()).isEqualTo(page);
        assertThat(d.sramBytes()).isEqualTo(sramKb * 1024);
        assertThat(d.writeProtectPagesPerBit()).isEqualTo(wrp);
    }

    @ParameterizedTest(name = "{0} REV_ID {1} -> {2}")
    @CsvSource({"MEDIUM_DENSITY,0x0000,A", "MEDIUM_DENSITY,0x2000,B", "MEDIUM_DENSITY,0x2001,Z", "MEDIUM_DENSITY,0x2003,Y",
            "LOW_DENSITY,0x1000,A", "HIGH_DENSITY,0x1001,Z", "HIGH_DENSITY,0x1003,Y", "CONNECTIVITY_LINE,0x1001,Z",
            "XL_DENSITY,0x1000,A", "VALUE_LINE_HIGH,0x1001,Z"})
    void givenRevId_whenRevisionLetter_thenLetterOfFactsA4(Stm32F1Density density, String revId, String letter) {
        assertThat(density.revisionLetter(Integer.decode(revId))).contains(letter);
    }

    @Test
    void givenUnknownRevIdOrDevId_whenLookedUp_thenEmpty() {
        assertThat(Stm32F1Density.MEDIUM_DENSITY.revisionLetter(0x1303)).isEmpty();
        assertThat(Stm32F1Density.ofDevId(0x413)).isEmpty();
    }

    @Test
    void givenSmallParts_whenSramBytesFor_thenSmallerSram() {
        assertThat(Stm32F1Density.LOW_DENSITY.sramBytesFor(16 * 1024)).isEqualTo(6 * 1024);
        assertThat(Stm32F1Density.LOW_DENSITY.sramBytesFor(32 * 1024)).isEqualTo(10 * 1024);
        assertThat(Stm32F1Density.VALUE_LINE_LOW_MEDIUM.sramBytesFor(32 * 1024)).isEqualTo(4 * 1024);
    }
}
