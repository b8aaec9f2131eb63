package io.blueflash.flash.stm32f1;

import static io.blueflash.flash.stm32f1.FpecRegisters.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.contract.RecordingMemoryAccess;
import io.blueflash.flash.FlashOperationException;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.PollBudget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Register sequence of the option-byte rewrite (facts §B.2, §B.5) against a scripted bus. */
class FpecOptionBytesTest {

    private static final FlashGeometry MD_64K = FlashGeometry.stm32f1(0x0800_0000L, 1024, 64 * 1024);
    private static final FlashGeometry HD_512K = FlashGeometry.stm32f1(0x0800_0000L, 2048, 512 * 1024);
    private static final OptionByteImage UNPROTECTED = new OptionByteImage(0xA5, 0x07, 0x12, 0x34, 0xFFFF_FFFE);

    private final RecordingMemoryAccess bus = new RecordingMemoryAccess()
            .name(FPEC_BASE + KEYR, "FLASH_KEYR").name(FPEC_BASE + OPTKEYR, "FLASH_OPTKEYR")
            .name(FPEC_BASE + SR, "FLASH_SR").name(FPEC_BASE + CR, "FLASH_CR");

    private FpecOptionBytes optionBytes() {
        return new FpecOptionBytes(bus, MD_64K, PollBudget.attempts(5));
    }

    @Test
    void givenLockedFpec_whenProgrammed_thenKeysOptKeysEraseEightHalfWordsClearAndRelock() {
        bus.answer(FPEC_BASE + CR, CR_LOCK, 0, CR_OPTWRE).answer(FPEC_BASE + SR, 0, SR_BSY, SR_EOP);

        optionBytes().program(UNPROTECTED);

        List<String> expected = new ArrayList<>(List.of("R32 FLASH_SR", "R32 FLASH_CR",
                "W32 FLASH_KEYR 0x45670123", "W32 FLASH_KEYR 0xCDEF89AB", "R32 FLASH_CR",
                "W32 FLASH_SR 0x00000034",
                "W32 FLASH_OPTKEYR 0x45670123", "W32 FLASH_OPTKEYR 0xCDEF89AB", "R32 FLASH_CR",
                "W32 FLASH_CR 0x00000220", "W32 FLASH_CR 0x00000260", "R32 FLASH_SR", "R32 FLASH_SR",
                "W32 FLASH_CR 0x00000210"));
        String[] halfWords = {"0x5AA5", "0xF807", "0xED12", "0xCB34", "0x01FE", "0x00FF", "0x00FF", "0x00FF"};
        for (int slot = 0; slot < 8; slot++) {
            expected.add("W32 FLASH_SR 0x00000034");
            expected.add(String.format("W16 0x%08X %s", 0x1FFF_F800 + 2 * slot, halfWords[slot]));
            expected.add("R32 FLASH_SR");
        }
        expected.add("W32 FLASH_CR 0x00000000");
        expected.add("W32 FLASH_CR 0x00000080");
        assertThat(bus.log()).containsExactlyElementsOf(expected);
    }

    @Test
    void givenWrprtErrOnASlot_whenProgrammed_thenErrorSaysDoNotResetAndFpecRelocked() {
        bus.answer(FPEC_BASE + CR, 0, CR_OPTWRE).answer(FPEC_BASE + SR, 0, SR_EOP, SR_EOP, SR_WRPRTERR);

        assertThatThrownBy(() -> optionBytes().program(UNPROTECTED))
                .isInstanceOf(FlashOperationException.class)
                .hasMessageContaining("WRPRTERR").hasMessageContaining("0x1FFFF802")
                .hasMessageContaining("do not reset");

        assertThat(bus.log().get(bus.log().size() - 1)).isEqualTo("W32 FLASH_CR 0x00000080");
        assertThat(bus.log()).noneMatch(line -> line.startsWith("W16 0x1FFFF804"));
    }

    @Test
    void givenOptwreStaysClear_whenProgrammed_thenNothingErasedAndRelocked() {
        bus.answer(FPEC_BASE + CR, 0, 0);

        assertThatThrownBy(() -> optionBytes().program(UNPROTECTED))
                .isInstanceOf(FlashOperationException.class).hasMessageContaining("OPTWRE");

        assertThat(bus.log()).noneMatch(line -> line.contains("0x00000260"));
        assertThat(bus.log().get(bus.log().size() - 1)).isEqualTo("W32 FLASH_CR 0x00000080");
    }

    @Test
    void givenStoredBytesWithBadComplement_whenDecoded_thenThatSlotLoadsAs0xFF() {
        byte[] stored = {(byte) 0xA5, 0x5A, 0x07, (byte) 0xF8, 0x12, 0x00, 0x34, (byte) 0xCB,
                (byte) 0xFE, 0x01, (byte) 0xFF, 0x00, (byte) 0xFF, 0x00, (byte) 0xFF, 0x00};

        OptionByteImage image = OptionByteImage.decode(stored);

        assertThat(image).isEqualTo(new OptionByteImage(0xA5, 0x07, 0xFF, 0x34, 0xFFFF_FFFE));
        assertThat(image.readProtected()).isFalse();
        assertThat(image.withRdp(0).readProtected()).isTrue();
    }

    @Test
    void givenPages_whenMappedToWrpBits_thenFourKilobytesPerBitAndBit31CoversTheRestOfHighDensity() {
        assertThat(OptionByteImage.wrpBitOf(MD_64K, 0)).isZero();
        assertThat(OptionByteImage.wrpBitOf(MD_64K, 7)).isEqualTo(1);
        assertThat(OptionByteImage.wrpBitOf(MD_64K, 63)).isEqualTo(15);
        assertThat(OptionByteImage.wrpBitOf(HD_512K, 3)).isEqualTo(1);
        assertThat(OptionByteImage.wrpBitOf(HD_512K, 255)).isEqualTo(31);
        assertThatThrownBy(() -> OptionByteImage.wrpBitOf(MD_64K, 64)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pages 0..63");
    }
}
