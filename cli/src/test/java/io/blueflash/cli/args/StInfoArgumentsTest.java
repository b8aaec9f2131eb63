package io.blueflash.cli.args;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StInfoArgumentsTest {

    private static String[] st(String... args) {
        return StInfoArguments.translate(args);
    }

    @Test
    void givenStInfoQuestions_whenTranslated_thenInfoWordsInTheirOrder() {
        assertThat(st("--chipid", "--flash")).containsExactly("info", "chipid", "flash");
        assertThat(st("--descr", "--serial", "--probe")).containsExactly("info", "descr", "serial", "probe");
    }

    @Test
    void givenProbeAlone_whenTranslated_thenTheProbeListThatExitsZeroWithNone() {
        assertThat(st("--probe")).containsExactly("probes");
    }

    @Test
    void givenConnectOptions_whenTranslated_thenPassedThroughAfterTheCommand() {
        assertThat(st("--flash", "--connect-under-reset")).containsExactly("info", "flash", "--connect-under-reset");
        assertThat(st("--hot-plug", "--descr")).containsExactly("info", "descr", "--hot-plug");
    }

    @Test
    void givenVersionOrNoQuestion_whenTranslated_thenVersionOrInfoUsage() {
        assertThat(st("--version")).containsExactly("--version");
        assertThat(st()).containsExactly("info", "--help");
    }

    @Test
    void givenARepeatedQuestion_whenTranslated_thenAskedOnce() {
        assertThat(st("--flash", "--flash")).containsExactly("info", "flash");
    }
}
