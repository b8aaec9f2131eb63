package io.blueflash.sim.wave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VcdWriterTest {

    @TempDir
    Path temp;

    private final StringWriter text = new StringWriter();

    @Test
    void givenWires_whenFirstChange_thenHeaderDeclaresThemAndDumpsInitialValues() {
        VcdWriter vcd = new VcdWriter(text, 1 << 20, "test");
        VcdWriter.Wire a = vcd.wire("swd", "SWCLK", '1');
        vcd.wire("gpio", "PC13", 'z');
        vcd.change(100, a, '0');
        vcd.close();

        assertThat(text.toString()).isEqualTo("""
                $version test $end
                $timescale 1ns $end
                $scope module chip $end
                $scope module swd $end
                $var wire 1 ! SWCLK $end
                $upscope $end
                $scope module gpio $end
                $var wire 1 " PC13 $end
                $upscope $end
                $upscope $end
                $enddefinitions $end
                #100
                $dumpvars
                1!
                z"
                $end
                0!
                """);
    }

    @Test
    void givenChangesOutOfOrderWithinTheHoldBack_whenWritten_thenInTimeOrderAndUnchangedValuesDropped() {
        VcdWriter vcd = new VcdWriter(text, 1 << 20, "test");
        VcdWriter.Wire a = vcd.wire("m", "A", '0');
        VcdWriter.Wire b = vcd.wire("m", "B", '0');
        vcd.holdBack(50);
        vcd.change(100, a, '1');
        vcd.change(60, b, '1');
        vcd.change(70, b, '1');
        vcd.change(200, a, '0');
        vcd.close();

        assertThat(text.toString()).endsWith("#60\n$dumpvars\n0!\n0\"\n$end\n1\"\n#100\n1!\n#200\n0!\n");
    }

    @Test
    void givenAChangeOlderThanWhatIsWritten_whenWritten_thenItLandsAtTheLastWrittenTime() {
        VcdWriter vcd = new VcdWriter(text, 1 << 20, "test");
        VcdWriter.Wire a = vcd.wire("m", "A", '0');
        vcd.change(100, a, '1');
        vcd.change(50, a, '0');
        vcd.close();

        assertThat(text.toString()).endsWith("#100\n$dumpvars\n0!\n$end\n1!\n0!\n");
    }

    @Test
    void givenSizeCap_whenExceeded_thenACommentAndNothingMore() {
        VcdWriter vcd = new VcdWriter(text, 300, "test");
        VcdWriter.Wire a = vcd.wire("m", "A", '0');
        for (int i = 1; i <= 100; i++) {
            vcd.change(i * 10L, a, i % 2 == 0 ? '0' : '1');
        }
        vcd.close();

        assertThat(vcd.truncated()).isTrue();
        assertThat(text.toString()).endsWith("$comment size cap of 300 bytes reached: later changes are not recorded $end\n");
        assertThat(text.toString().length()).isLessThan(300 + 100);
    }

    @Test
    void givenAFileWrittenBefore_whenAppended_thenNoSecondHeaderAndTheWiresRestated() throws Exception {
        Path file = temp.resolve("a.vcd");
        try (VcdWriter first = VcdWriter.create(file, 1 << 20, "test")) {
            first.change(10, first.wire("m", "A", '0'), '1');
        }
        try (VcdWriter second = VcdWriter.appendTo(file, 1 << 20, "test")) {
            second.change(500, second.wire("m", "A", '0'), '1');
        }

        String content = Files.readString(file);
        assertThat(content.split("\\$enddefinitions", -1)).hasSize(2);
        assertThat(content).endsWith("#10\n$dumpvars\n0!\n$end\n1!\n#500\n0!\n1!\n");
    }

    @Test
    void givenManyWires_whenIdentified_thenIdentifiersAreUniquePrintable() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = VcdWriter.identifier(i);
            assertThat(id.chars()).allMatch(c -> c >= '!' && c <= '~');
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void givenAValueThatIsNotALevel_whenChanged_thenRefused() {
        VcdWriter vcd = new VcdWriter(text, 1 << 20, "test");
        VcdWriter.Wire a = vcd.wire("m", "A", '0');
        assertThatThrownBy(() -> vcd.change(1, a, '2')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenATimeWindow_whenAChangeFallsAfterIt_thenTheFileEndsWithANoteAndKeepsNothingLater() {
        VcdWriter vcd = new VcdWriter(text, 1 << 20, "test");
        VcdWriter.Wire a = vcd.wire("m", "A", '0');
        vcd.limitTo(150);
        vcd.change(100, a, '1');
        vcd.change(200, a, '0');
        vcd.change(300, a, '1');
        vcd.finishAt(400);
        vcd.close();

        assertThat(vcd.truncated()).isTrue();
        assertThat(text.toString()).endsWith("#100\n$dumpvars\n0!\n$end\n1!\n"
                + "$comment time window ends at 150 ns: later changes are not recorded $end\n");
    }

    @Test
    void givenABeginningAndAnEnd_whenFinished_thenInitialValuesAtTheBeginningAndAClosingTimeStamp() {
        VcdWriter vcd = new VcdWriter(text, 1 << 20, "test");
        VcdWriter.Wire a = vcd.wire("m", "A", '1');
        vcd.beginAt(0);
        vcd.change(100, a, '0');
        vcd.finishAt(250);
        vcd.close();

        assertThat(text.toString()).endsWith("#0\n$dumpvars\n1!\n$end\n#100\n0!\n#250\n");
    }
}
