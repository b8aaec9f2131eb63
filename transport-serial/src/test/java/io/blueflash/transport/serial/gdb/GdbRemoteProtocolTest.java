package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.TraceSink;
import io.blueflash.transport.serial.line.SerialSettings;
import io.blueflash.transport.serial.testing.ScriptedSerialLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GdbRemoteProtocolTest {

    private final ScriptedSerialLine line = new ScriptedSerialLine("/dev/ttyACM0", SerialSettings.eightNoneOne(115200));
    private final GdbRemoteProtocol protocol = new GdbRemoteProtocol(line, Duration.ofMillis(100), TraceSink.NONE);

    private static byte[] a(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String packet(String payload) {
        return new String(RspCodec.frame(a(payload)), StandardCharsets.ISO_8859_1);
    }

    private ScriptedSerialLine expect(String written, String answered) {
        return line.expect(a(written), a(answered));
    }

    @Test
    void givenAckAndReply_whenRequest_thenReplyReturnedAndAcked() {
        expect(packet("qC"), "+" + packet("QC1"));
        expect("+", "");

        assertThat(protocol.request("qC")).isEqualTo("QC1");
        assertThat(line.finished()).as(line.remaining()).isTrue();
    }

    @Test
    void givenReplyWithCorruptedByte_whenRequest_thenMinusAndTheResentReplyIsUsed() {
        String good = packet("00112233");
        String corrupted = good.replace("0011", "0013"); // one byte flipped on the line, checksum unchanged
        expect(packet("m8000000,4"), "+" + corrupted);
        expect("-", good);
        expect("+", "");

        assertThat(protocol.request("m8000000,4")).isEqualTo("00112233");
        assertThat(protocol.resends()).isEqualTo(1);
        assertThat(line.finished()).as(line.remaining()).isTrue();
    }

    @Test
    void givenRepliesAlwaysCorrupted_whenRequest_thenProtocolErrorAfterThreeTries() {
        String corrupted = packet("OK").replace("OK", "OL");
        expect(packet("vFlashDone"), "+" + corrupted);
        expect("-", corrupted);
        expect("-", corrupted);
        expect("-", "");

        assertThatThrownBy(() -> protocol.request("vFlashDone"))
                .isInstanceOf(RspProtocolException.class)
                .hasMessageContaining("bad checksum 3 times").hasMessageContaining("/dev/ttyACM0");
    }

    @Test
    void givenNak_whenRequest_thenPacketResent() {
        expect(packet("qC"), "-");
        expect(packet("qC"), "+" + packet("QC1"));
        expect("+", "");

        assertThat(protocol.request("qC")).isEqualTo("QC1");
        assertThat(protocol.resends()).isEqualTo(1);
    }

    @Test
    void givenOnlyNaks_whenRequest_thenRejectedThreeTimesError() {
        expect(packet("qC"), "-");
        expect(packet("qC"), "-");
        expect(packet("qC"), "-");

        assertThatThrownBy(() -> protocol.request("qC"))
                .isInstanceOf(RspProtocolException.class).hasMessageContaining("rejected 'qC' 3 times");
    }

    @Test
    void givenErrorReply_whenRequest_thenGdbErrorReplyWithCode() {
        expect(packet("m0,4"), "+" + packet("E01"));
        expect("+", "");

        assertThatThrownBy(() -> protocol.request("m0,4"))
                .isInstanceOfSatisfying(GdbErrorReplyException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(1);
                    assertThat(e.request()).isEqualTo("m0,4");
                })
                .hasMessageContaining("E01").hasMessageContaining("bus error");
    }

    @Test
    void givenSilence_whenRequest_thenTimeoutNamingPortAndRequest() {
        expect(packet("qSupported"), "");

        assertThatThrownBy(() -> protocol.request("qSupported"))
                .isInstanceOf(RspTimeoutException.class)
                .hasMessageContaining("/dev/ttyACM0").hasMessageContaining("qSupported")
                .hasMessageContaining("GDB server port");
    }

    @Test
    void givenMonitorOutput_whenMonitor_thenOutputPacketsCollectedUntilOk() {
        expect(packet("qRcmd," + RspCodec.hexOf("swd_scan")),
                "+" + packet("O" + RspCodec.hexOf("Target voltage: 3.3V\n")));
        expect("+", packet("O" + RspCodec.hexOf(" 1      STM32F1 medium density M3\n")));
        expect("+", packet("OK"));
        expect("+", "");

        MonitorResult result = protocol.monitor("swd_scan", Duration.ofMillis(100));

        assertThat(result.ok()).isTrue();
        assertThat(result.output()).isEqualTo("Target voltage: 3.3V\n 1      STM32F1 medium density M3\n");
    }

    @Test
    void givenUnknownMonitorCommand_whenMonitor_thenUnsupported_andHexFailedIsFailure() {
        expect(packet("qRcmd," + RspCodec.hexOf("frobnicate")), "+" + packet(""));
        expect("+", "");
        expect(packet("qRcmd," + RspCodec.hexOf("reset")), "+" + packet(RspCodec.hexOf("Failed\n")));
        expect("+", "");

        assertThat(protocol.monitor("frobnicate", Duration.ofMillis(100)).status())
                .isEqualTo(MonitorResult.Status.UNSUPPORTED);
        MonitorResult failed = protocol.monitor("reset", Duration.ofMillis(100));
        assertThat(failed.status()).isEqualTo(MonitorResult.Status.FAILED);
        assertThat(failed.output()).isEqualTo("Failed\n");
    }

    @Test
    void givenNoAckMode_whenRequest_thenNoAcknowledgementsExchanged() {
        expect(packet("QStartNoAckMode"), "+" + packet("OK"));
        expect("+", "");
        expect(packet("qC"), packet("QC1"));

        assertThat(protocol.startNoAckMode()).isTrue();
        assertThat(protocol.request("qC")).isEqualTo("QC1");
        assertThat(line.finished()).as(line.remaining()).isTrue();
    }

    @Test
    void givenRunLengthEncodedReply_whenRequest_thenExpanded() {
        expect(packet("g"), "+" + packet("0* 1"));
        expect("+", "");

        assertThat(protocol.request("g")).isEqualTo("00001");
    }

    @Test
    void givenInterrupt_whenRunning_thenBareEtxAndStopReply() {
        expect("\u0003", packet("T02thread:1;"));
        expect("+", "");

        assertThat(protocol.interrupt(Duration.ofMillis(100))).isEqualTo("T02thread:1;");
    }
}
