package io.blueflash.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.flash.stm32f1.OptionByteImage;
import io.blueflash.model.OptionBytesState;
import org.junit.jupiter.api.Test;

class OptionBytesTextTest {

    /** Factory state of an STM32F1: RDP 0xA5, USER 0xFF, Data 0xFF, WRP 0xFF, complements in the high bytes. */
    private static byte[] unprotected() {
        byte[] raw = new byte[16];
        for (int slot = 0; slot < 8; slot++) {
            raw[slot * 2] = (byte) (slot == 0 ? 0xA5 : 0xFF);
            raw[slot * 2 + 1] = (byte) ~raw[slot * 2];
        }
        return raw;
    }

    @Test
    void givenFactoryOptionBytes_whenDecoded_thenUnprotectedAndNoWarnings() {
        OptionBytesState ob = OptionByteImage.state(unprotected(), 0x0800_0000L);
        assertThat(ob.readProtected()).isFalse();
        assertThat(ob.wrp()).isEqualTo(0xFFFF_FFFF);
        assertThat(OptionBytesText.lines(ob)).containsExactly(
                "RDP:   0xA5  unprotected (0xA5)",
                "USER:  0xFF  WDG_SW=1 (software watchdog), nRST_STOP=1, nRST_STDBY=1",
                "Data0: 0xFF  Data1: 0xFF",
                "WRP:   0xFFFFFFFF  no page write-protected");
    }

    @Test
    void givenRdpAndWrpSet_whenDecoded_thenProtectionNamedWithFlashBlocks() {
        byte[] raw = unprotected();
        raw[0] = 0x00;
        raw[1] = (byte) 0xFF;
        raw[8] = (byte) 0xFE;  // WRP0 bit 0
        raw[9] = 0x01;
        raw[14] = 0x7F;        // WRP3 bit 7 = WRPR bit 31
        raw[15] = (byte) 0x80;
        OptionBytesState ob = OptionByteImage.state(raw, 0x0800_0000L);
        assertThat(ob.readProtected()).isTrue();
        assertThat(ob.writeProtected()).extracting(OptionBytesState.WriteProtectedBlock::bit).containsExactly(0, 31);
        assertThat(OptionBytesText.fields(ob)).containsEntry("writeProtectedBlocks", java.util.List.of(0, 31));
        assertThat(OptionBytesText.lines(ob).get(0)).isEqualTo("RDP:   0x00  read-protected (anything but 0xA5)");
        assertThat(OptionBytesText.lines(ob).get(3)).isEqualTo("WRP:   0x7FFFFFFE  write-protected 4 KB blocks: "
                + "0 [0x08000000, 0x08001000), 31 [0x0801F000, 0x08020000)");
    }

    @Test
    void givenBrokenComplement_whenDecoded_thenOptErrWarning() {
        byte[] raw = unprotected();
        raw[3] = 0x12; // nUSER no longer the complement of USER (0xFF)
        assertThat(OptionBytesText.lines(OptionByteImage.state(raw, 0x0800_0000L))).last().asString()
                .isEqualTo("warning: slot 1 (0x1FFFF802) complement mismatch: the chip sets OPTERR and treats the byte as 0xFF");
    }
}
