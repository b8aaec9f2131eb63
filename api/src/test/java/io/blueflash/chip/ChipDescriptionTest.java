package io.blueflash.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ChipDescriptionTest {

    private final ChipDescription f103c8 = new ChipIdentifier().identify(FakeIdMemory.genuineF103c8(), OptionalInt.empty());

    @Test
    void givenF103c8_whenWithFlashSize128k_thenUpperHalfUnlocked() {
        ChipDescription chip = f103c8.withFlashSize(FlashSize.parse("128k"));

        assertThat(chip.flash().sizeBytes()).isEqualTo(128 * 1024);
        assertThat(chip.flash().pageCount()).isEqualTo(128);
        assertThat(chip.flash().pageSize()).isEqualTo(1024);
        assertThat(chip.flashSizeSource()).isEqualTo(FlashSizeSource.USER_OVERRIDE);
        assertThat(chip.notes()).contains("flash size set to 128 KB by the user (the chip reports 64 KB)");
        assertThat(chip.identity()).isEqualTo(f103c8.identity());
    }

    @Test
    void givenSizeAboveDensityMaximum_whenWithFlashSize_thenAllowedWithNote() {
        assertThat(f103c8.withFlashSize(256 * 1024).notes()).contains("256 KB is more than any medium-density part has (128 KB)");
    }

    @Test
    void givenSizeNotWholePages_whenWithFlashSize_thenError() {
        assertThatThrownBy(() -> f103c8.withFlashSize(1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flash size 1000 bytes must be a positive multiple of the 1024-byte page of a medium-density part");
    }

    @Test
    void givenGenuineChip_whenSummary_thenOneLine() {
        assertThat(f103c8.summary()).isEqualTo("STM32F1xx medium-density, 64 KB flash (1024-byte pages), 20 KB SRAM");
    }

    @Test
    void givenNullPartName_whenConstructed_thenNamedError() {
        assertThatThrownBy(() -> new ChipDescription(null, f103c8.identity(), f103c8.density(), f103c8.flash(), 1,
                FlashSizeSource.F_SIZE_REGISTER, false, java.util.Optional.empty(), java.util.List.of()))
                .hasMessage("'partName' must not be null");
    }
}
