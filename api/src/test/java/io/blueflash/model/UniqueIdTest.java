package io.blueflash.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UniqueIdTest {

    @Test
    void givenTheThreeWords_whenWritten_thenTheWordAtBasePlus8ComesFirst() {
        UniqueId id = UniqueId.ofWords(0x0033_FF35, 0x4D58_3432, 0x4316_2643);

        assertThat(id.text()).isEqualTo("431626434D5834320033FF35");
        assertThat(id.bytes()[0] & 0xFF).as("U_ID[7:0] at the base address").isEqualTo(0x35);
    }

    @Test
    void givenTextWithSeparatorsAndLowerCase_whenParsed_thenSameIdAsTheWords() {
        assertThat(UniqueId.parse("0x43162643-4d583432:0033ff35"))
                .isEqualTo(UniqueId.ofWords(0x0033_FF35, 0x4D58_3432, 0x4316_2643));
        assertThat(UniqueId.parse(" 43162643 4D583432 0033FF35 ").hashCode())
                .isEqualTo(UniqueId.ofWords(0x0033_FF35, 0x4D58_3432, 0x4316_2643).hashCode());
    }

    @Test
    void givenTooFewDigits_whenParsed_thenTheMessageSaysWhatIsExpected() {
        assertThatThrownBy(() -> UniqueId.parse("1234")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("24 hex digits").hasMessageContaining("RM0008");
    }
}
