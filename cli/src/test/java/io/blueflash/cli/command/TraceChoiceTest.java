package io.blueflash.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.cli.args.UsageException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceChoiceTest {

    @Test
    void givenLevelsFilesAndBoth_whenParsed_thenLevelAndDestination() {
        assertThat(TraceChoice.parse(null)).isEqualTo(TraceChoice.OFF);
        assertThat(TraceChoice.parse("full")).isEqualTo(TraceChoice.FULL_ON_STDERR);
        assertThat(TraceChoice.parse("ops")).isEqualTo(new TraceChoice(true, TraceChoice.Level.OPS, Optional.empty()));
        assertThat(TraceChoice.parse("out/trace.txt"))
                .isEqualTo(new TraceChoice(true, TraceChoice.Level.FULL, Optional.of(Path.of("out/trace.txt"))));
        assertThat(TraceChoice.parse("ops:t.txt"))
                .isEqualTo(new TraceChoice(true, TraceChoice.Level.OPS, Optional.of(Path.of("t.txt"))));
        assertThat(TraceChoice.parse("./ops").file()).contains(Path.of("./ops"));
        assertThat(TraceChoice.parse("ops").toStderr()).isTrue();
        assertThat(TraceChoice.parse("t.txt").toStderr()).isFalse();
    }

    @Test
    void givenEmptyValueOrFile_whenParsed_thenUsageErrorSaysWhatToGive() {
        assertThatThrownBy(() -> TraceChoice.parse("")).isInstanceOf(UsageException.class).hasMessageContaining("ops:FILE");
        assertThatThrownBy(() -> TraceChoice.parse("ops:")).isInstanceOf(UsageException.class).hasMessageContaining("no file");
    }
}
