package io.blueflash.sim.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RspWireTest {

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    private RspWire wireReading(String input) {
        return new RspWire(new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)), sent,
                RspWire.LinkMeter.NONE);
    }

    private String sentText() {
        return sent.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void givenGoodPacket_whenRead_thenBodyReturnedAndAcked() throws IOException {
        RspWire wire = wireReading("+$qSupported#37");

        RspWire.Incoming incoming = wire.next();

        assertThat(incoming).isInstanceOf(RspWire.Packet.class);
        assertThat(((RspWire.Packet) incoming).text()).isEqualTo("qSupported");
        assertThat(sentText()).isEqualTo("+");
    }

    @Test
    void givenCorruptedChecksum_whenRead_thenNakAndTheResentPacketIsReturned() throws IOException {
        RspWire wire = wireReading("$qSupported#38$qSupported#37");

        RspWire.Incoming incoming = wire.next();

        assertThat(((RspWire.Packet) incoming).text()).isEqualTo("qSupported");
        assertThat(sentText()).isEqualTo("-+");
        assertThat(wire.badChecksums()).isEqualTo(1);
    }

    @Test
    void givenCorruptedByteInBody_whenRead_thenNak() throws IOException {
        RspWire wire = wireReading("$qSupportes#37$qSupported#37");

        wire.next();

        assertThat(sentText()).isEqualTo("-+");
    }

    @Test
    void givenNoAckMode_whenRead_thenNothingSentAndBadChecksumTolerated() throws IOException {
        RspWire wire = wireReading("$g#00");
        wire.disableAcks();

        RspWire.Incoming incoming = wire.next();

        assertThat(((RspWire.Packet) incoming).text()).isEqualTo("g");
        assertThat(sentText()).isEmpty();
    }

    @Test
    void givenNak_whenSendingReply_thenResentUntilAcked() throws IOException {
        RspWire wire = wireReading("-+");

        wire.send("OK");

        assertThat(sentText()).isEqualTo("$OK#9a$OK#9a");
    }

    @Test
    void givenOnlyNaks_whenSendingReply_thenGivesUpAfterThreeAttempts() throws IOException {
        RspWire wire = wireReading("----");

        wire.send("OK");

        assertThat(sentText()).isEqualTo("$OK#9a".repeat(RspWire.MAX_SEND_ATTEMPTS));
    }

    @Test
    void givenInterruptByte_whenRead_thenInterrupt() throws IOException {
        assertThat(wireReading("\u0003").next()).isInstanceOf(RspWire.Interrupt.class);
    }

    @Test
    void givenEotOrEndOfStream_whenRead_thenEndOfSession() throws IOException {
        assertThat(wireReading("\u0004").next()).isInstanceOf(RspWire.EndOfSession.class);
        assertThat(wireReading("").next()).isInstanceOf(RspWire.EndOfSession.class);
    }

    @Test
    void givenEscapedBinary_whenUnescaped_thenOriginalBytes() {
        byte[] data = {'#', '$', '}', '*', 0, (byte) 0xFF};

        byte[] escaped = RspBinary.escape(data);

        assertThat(escaped).containsExactly(0x7D, 0x03, 0x7D, 0x04, 0x7D, 0x5D, 0x7D, 0x0A, 0, 0xFF);
        assertThat(RspBinary.unescape(escaped, 0)).containsExactly(data);
    }

    @Test
    void givenLinkMeter_whenPacketsFlow_thenEveryByteCounted() throws IOException {
        long[] counts = new long[2];
        RspWire wire = new RspWire(new ByteArrayInputStream("$g#67+".getBytes(StandardCharsets.US_ASCII)), sent,
                new RspWire.LinkMeter() {
                    @Override
                    public void received(int bytes) {
                        counts[0] += bytes;
                    }

                    @Override
                    public void sent(int bytes) {
                        counts[1] += bytes;
                    }
                });

        wire.next();
        wire.send("OK");

        assertThat(counts[0]).isEqualTo(5 + 1);
        assertThat(counts[1]).isEqualTo(1 + 6);
    }
}
