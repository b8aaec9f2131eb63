package io.blueflash.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ModelValuesTest {

    @Test
    void givenAttemptBudget_whenPolled_thenSpentExactlyAfterThatManyReads() {
        PollBudget.Poll poll = PollBudget.attempts(3).start();

        assertThat(poll.spent()).isFalse();
        assertThat(poll.spent()).isFalse();
        assertThat(poll.spent()).isTrue();
        assertThat(poll.attempts()).isEqualTo(3);
    }

    @Test
    void givenLongWallTimeout_whenAttemptsReached_thenNotYetSpent() {
        PollBudget.Poll poll = new PollBudget(1, Duration.ofHours(1)).start();

        assertThat(poll.spent()).isFalse();
    }

    @Test
    void givenInvalidBudget_whenCreated_thenRejectedWithFieldName() {
        assertThatThrownBy(() -> new PollBudget(0, Duration.ZERO)).hasMessageContaining("'minAttempts'");
        assertThatThrownBy(() -> new PollBudget(1, null)).hasMessageContaining("'wallTimeout' must not be null");
    }

    @Test
    void givenRanges_whenCompared_thenEndContainsOverlapsAndText() {
        AddressRange range = new AddressRange(0x0800_0000L, 0x400);

        assertThat(range.end()).isEqualTo(0x0800_0400L);
        assertThat(range.contains(0x0800_03FFL)).isTrue();
        assertThat(range.contains(0x0800_0400L)).isFalse();
        assertThat(range.overlaps(new AddressRange(0x0800_03FFL, 1))).isTrue();
        assertThat(range.overlaps(new AddressRange(0x0800_0400L, 1))).isFalse();
        assertThat(range).hasToString("[0x08000000, 0x08000400)");
        assertThatThrownBy(() -> new AddressRange(0xFFFF_FFFFL, 2)).hasMessageContaining("32-bit address space");
    }

    @Test
    void givenDefaults_whenChanged_thenOnlyThatChoiceDiffers() {
        FlashOptions defaults = FlashOptions.defaults();

        assertThat(defaults.eraseMode()).isEqualTo(EraseMode.PAGES);
        assertThat(defaults.skipUnchangedPages()).isTrue();
        assertThat(defaults.verifyAfterWrite()).isTrue();
        assertThat(defaults.pacing()).isEqualTo(ProgramPacing.AUTO);
        assertThat(defaults.withFlashSizeBytes(131072)).isEqualTo(new FlashOptions(EraseMode.PAGES, true, true, false,
                OptionalLong.of(131072), ProgramPacing.AUTO));
        assertThatThrownBy(() -> defaults.withFlashSizeBytes(0)).hasMessageContaining("'flashSizeBytes'");
    }
}
