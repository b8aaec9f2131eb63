package io.blueflash.gdbserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RspChannelTest {

    private final PipedOutputStream gdb = new PipedOutputStream();
    private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
    private final RspChannel channel;

    RspChannelTest() throws IOException {
        channel = new RspChannel(new PipedInputStream(gdb, 4096), fromServer, "test");
    }

    @AfterEach
    void close() throws IOException {
        gdb.close();
        channel.close();
    }

    private void gdbSends(String bytes) throws IOException {
        gdb.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        gdb.flush();
    }

    private String serverWrote() {
        synchronized (fromServer) {
            return fromServer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void givenAGoodPacket_whenRead_thenItIsAcknowledgedAndItsBodyReturned() throws IOException {
        gdbSends("$m8000000,4#25");

        RspChannel.Incoming incoming = channel.next();

        assertThat(incoming).isInstanceOfSatisfying(RspChannel.Packet.class,
                p -> assertThat(p.text()).isEqualTo("m8000000,4"));
        assertThat(serverWrote()).isEqualTo("+");
    }

    @Test
    void givenABadChecksum_whenRead_thenItIsRejectedWithMinus_andTheResentPacketIsTaken() throws IOException {
        gdbSends("$g#00$g#67");

        RspChannel.Incoming incoming = channel.next();

        assertThat(incoming).isInstanceOfSatisfying(RspChannel.Packet.class, p -> assertThat(p.text()).isEqualTo("g"));
        assertThat(serverWrote()).isEqualTo("-+");
    }

    @Test
    void givenAReplyGdbRejects_whenSent_thenItIsSentAgainUntilAcknowledged() throws IOException {
        gdbSends("-+");

        channel.send("OK");

        assertThat(serverWrote()).isEqualTo("$OK#9a$OK#9a");
    }

    @Test
    void givenNoAckMode_whenPacketsFlow_thenNeitherSideAcknowledges() throws IOException {
        gdbSends("+");
        channel.send("OK");
        channel.stopAcknowledging();
        gdbSends("$?#3f");

        assertThat(channel.next()).isInstanceOf(RspChannel.Packet.class);
        channel.send("T05thread:1;");

        assertThat(serverWrote()).isEqualTo("$OK#9a$T05thread:1;#d7");
    }

    @Test
    void givenCtrlCBetweenPackets_whenRead_thenItIsAnInterrupt() throws IOException {
        gdbSends("\u0003");

        assertThat(channel.next()).isInstanceOf(RspChannel.Interrupt.class);
    }

    @Test
    void givenTheTargetRuns_whenGdbSendsCtrlC_thenTheRunLoopSeesIt_andAClosedLineCountsAsOne() throws Exception {
        assertThat(channel.interruptRequested()).isFalse();
        gdbSends("\u0003");
        assertThat(poll()).isTrue();
        assertThat(channel.isClosed()).isFalse();

        gdb.close();
        assertThat(poll()).isTrue();
        assertThat(channel.isClosed()).isTrue();
    }

    private boolean poll() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (channel.interruptRequested()) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
