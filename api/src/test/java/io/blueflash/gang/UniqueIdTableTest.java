package io.blueflash.gang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.image.FirmwareImage;
import io.blueflash.model.UniqueId;
import io.blueflash.port.in.IdentifiedTarget;
import io.blueflash.port.in.TargetBytes;
import io.blueflash.port.in.TargetDataException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UniqueIdTableTest {

    private static final String A = "43162643 4D583432 0033FF36";
    private static final String B = "431626434D5834320033FF37";

    private static IdentifiedTarget chip(String id) {
        return new IdentifiedTarget("sim#1", "chip", Optional.of(UniqueId.parse(id)));
    }

    private static UniqueIdTable table(String... lines) {
        return UniqueIdTable.parse("cal.csv", List.of(lines));
    }

    @Test
    void givenHeaderCommentAndTwoBlocksForOneChip_whenLookedUp_thenBothBlocks() {
        UniqueIdTable t = table("uid,address,data", "# comment", "", A + ",0x0800F800,01 02", A + ",0x0800F900,0x03",
                B + ",134281216,FF");

        TargetBytes bytes = t.bytesFor(chip(A));

        assertThat(t.size()).isEqualTo(2);
        assertThat(bytes.segments()).hasSize(2);
        assertThat(bytes.segments().get(0).data()).containsExactly(1, 2);
        assertThat(bytes.segments().get(1).address()).isEqualTo(0x0800_F900L);
        assertThat(bytes.description()).contains("cal.csv line 4,5");
    }

    @Test
    void givenChipNotListed_whenLookedUp_thenUnknownUniqueIdNamingIt() {
        assertThatThrownBy(() -> table(A + ",0x0800F800,01").bytesFor(chip(B)))
                .isInstanceOf(TargetDataException.class).hasMessageContaining(B).hasMessageContaining("is not in cal.csv")
                .satisfies(e -> assertThat(((TargetDataException) e).reason())
                        .isEqualTo(TargetDataException.Reason.UNKNOWN_UNIQUE_ID));
    }

    @Test
    void givenUnreadableUniqueId_whenLookedUp_thenUnreadable() {
        assertThatThrownBy(() -> table(A + ",0x0800F800,01").bytesFor(new IdentifiedTarget("bmp", "c", Optional.empty())))
                .isInstanceOf(TargetDataException.class).hasMessageContaining("could not be read");
    }

    @Test
    void givenBadLines_whenParsed_thenMalformedNamingTheLine() {
        assertThatThrownBy(() -> table(A + ",0x0800F800,0")).hasMessageContaining("cal.csv line 1").hasMessageContaining("hex bytes");
        assertThatThrownBy(() -> table(A + ",0x0800F800")).hasMessageContaining("expected 3 fields");
        assertThatThrownBy(() -> table("1234,0x0800F800,00")).hasMessageContaining("24 hex digits");
        assertThatThrownBy(() -> table(A + ",0x0800F800,0102", A + ",0x0800F801,03"))
                .hasMessageContaining("line 2").hasMessageContaining("overlaps line 1");
        assertThatThrownBy(() -> table("# nothing")).hasMessageContaining("lists no unique ID");
    }

    @Test
    void givenBlockInsideTheImage_whenChecked_thenOverlapsImageNamingTheLine() {
        UniqueIdTable t = table(B + ",0x0800F800,01", A + ",0x08000004,01");

        assertThatThrownBy(() -> t.requireOutside(FirmwareImage.binary(0x0800_0000L, new byte[16])))
                .isInstanceOf(TargetDataException.class).hasMessageContaining("cal.csv line 2");
    }
}
