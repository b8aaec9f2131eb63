package io.blueflash.gang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.image.FirmwareImage;
import io.blueflash.port.in.IdentifiedTarget;
import io.blueflash.port.in.TargetBytes;
import io.blueflash.port.in.TargetDataException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SerialCounterTest {

    private static final IdentifiedTarget ANY = new IdentifiedTarget("sim", "chip", Optional.empty());

    @Test
    void givenStartAndWidth_whenThirdTarget_thenStartPlusTwoLittleEndianAtTheAddress() {
        SerialCounter counter = SerialCounter.parse("0x1000@0x0800FC00:2");

        TargetBytes bytes = counter.forTarget(2).bytesFor(ANY);

        assertThat(bytes.segments()).singleElement().satisfies(s -> {
            assertThat(s.address()).isEqualTo(0x0800_FC00L);
            assertThat(s.data()).containsExactly(0x02, 0x10);
        });
        assertThat(bytes.description()).isEqualTo("serial 4098 at 0x0800FC00");
    }

    @Test
    void givenNoWidth_whenParsed_thenFourBytes() {
        assertThat(SerialCounter.parse("7@134282240").width()).isEqualTo(4);
    }

    @Test
    void givenNumberTooWideForTheWidth_whenAsked_thenMalformed() {
        SerialCounter counter = SerialCounter.parse("255@0x0800FC00:1");

        assertThatThrownBy(() -> counter.forTarget(1)).isInstanceOf(TargetDataException.class)
                .hasMessageContaining("256").hasMessageContaining("1 byte");
    }

    @Test
    void givenTextWithoutAt_whenParsed_thenTheFormIsShown() {
        assertThatThrownBy(() -> SerialCounter.parse("1000")).isInstanceOf(TargetDataException.class)
                .hasMessageContaining("START@ADDRESS[:WIDTH]");
    }

    @Test
    void givenCounterInsideTheImage_whenChecked_thenOverlapsImage() {
        SerialCounter counter = SerialCounter.parse("1@0x08000010");

        assertThatThrownBy(() -> counter.requireOutside(FirmwareImage.binary(0x0800_0000L, new byte[64])))
                .isInstanceOf(TargetDataException.class)
                .satisfies(e -> assertThat(((TargetDataException) e).reason())
                        .isEqualTo(TargetDataException.Reason.OVERLAPS_IMAGE));
    }
}
