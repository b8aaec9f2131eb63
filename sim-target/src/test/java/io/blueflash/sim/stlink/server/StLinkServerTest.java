package io.blueflash.sim.stlink.server;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StLinkServerTest {

    private final List<String> calls = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final StLinkServer server = new StLinkServer((command, dataOut, replyLength) -> {
        calls.add(String.format("%02X%02X out=%d in=%d", command[0], command[1],
                dataOut == null ? -1 : dataOut.length, replyLength));
        byte[] reply = new byte[replyLength];
        for (int i = 0; i < replyLength; i++) {
            reply[i] = (byte) (0xA0 + i);
        }
        return reply;
    }, StLinkServerDevice.stLinkV2("SIM0000000000000000001"), log::add);

    /** The request sequence OpenOCD's stlink_tcp_open sends, then one read and one write USB command. */
    private static byte[] openOcdSession(int connectionId) {
        ByteBuffer b = ByteBuffer.allocate(4 + 2 + 1 + 8 + 8 + 32 + 32 + 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x06, 0x01, 0, 0});
        b.put(new byte[] {0x00, 0x00});
        b.put((byte) 0x01);
        b.put(new byte[] {0x02, 0x00, 0, 0}).putInt(41);
        b.put(new byte[] {0x03, 0, 0, 0}).putInt(0x5354_0001);
        b.put(new byte[] {0x05, 0, 0, 0}).putInt(connectionId).put(command(0xF1)).put((byte) 1).put(new byte[3]).putInt(6);
        b.put(new byte[] {0x05, 0, 0, 0}).putInt(connectionId).put(command(0xF2)).put((byte) 0).put(new byte[3]).putInt(4)
                .put(new byte[] {1, 2, 3, 4});
        b.put(new byte[] {0x04, 0, 0, 0}).putInt(connectionId);
        return b.array();
    }

    private static byte[] command(int first) {
        byte[] c = new byte[16];
        c[0] = (byte) first;
        c[1] = 0x07;
        return c;
    }

    @Test
    void givenOpenOcdOpenSequence_whenServed_thenRepliesHaveTheSizesOpenOcdReads() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        server.serve(new ByteArrayInputStream(openOcdSession(1)), out);

        ByteBuffer r = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(out.size()).isEqualTo(16 + 4 + 4 + 45 + 8 + (4 + 6) + 4 + 4);
        assertThat(r.getInt()).as("API").isEqualTo(StLinkServer.API_VERSION);
        r.position(16);
        assertThat(r.getInt()).as("refresh status").isEqualTo(StLinkServer.STATUS_OK);
        assertThat(r.getInt()).as("device count").isEqualTo(1);
        assertThat(r.getInt()).as("info status").isEqualTo(StLinkServer.STATUS_OK);
        assertThat(r.getInt()).as("device id").isEqualTo(0x5354_0001);
        byte[] serial = new byte[32];
        r.get(serial);
        assertThat(new String(serial).trim()).startsWith("SIM0000000000000000001");
        assertThat(r.getShort() & 0xFFFF).isEqualTo(0x0483);
        assertThat(r.getShort() & 0xFFFF).isEqualTo(0x3748);
        assertThat(r.get()).as("not in use").isZero();
        assertThat(r.getInt()).as("open status").isEqualTo(StLinkServer.STATUS_OK);
        assertThat(r.getInt()).as("connection id").isEqualTo(1);
        assertThat(r.getInt()).isEqualTo(StLinkServer.STATUS_OK);
        assertThat(r.get() & 0xFF).isEqualTo(0xA0);
        r.position(r.position() + 5);
        assertThat(r.getInt()).as("write status").isEqualTo(StLinkServer.STATUS_OK);
        assertThat(r.getInt()).as("close status").isEqualTo(StLinkServer.STATUS_OK);
        assertThat(calls).containsExactly("F107 out=-1 in=6", "F207 out=4 in=0");
        assertThat(log).isEmpty();
    }

    @Test
    void givenWrongConnectionId_whenUsbCommandSent_thenBadParameterAndNoTransfer() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        server.serve(new ByteArrayInputStream(openOcdSession(7)), out);

        ByteBuffer r = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        r.position(16 + 4 + 4 + 45 + 8);
        assertThat(r.getInt()).isEqualTo(StLinkServer.STATUS_BAD_PARAMETER);
        assertThat(calls).isEmpty();
    }

    @Test
    void givenUnknownCommand_whenServed_thenSessionEndsWithAMessage() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        server.serve(new ByteArrayInputStream(new byte[] {0x07, 0, 0, 0, 0, 0, 0, 0, 0x01}), out);

        assertThat(out.size()).isZero();
        assertThat(log).singleElement().asString().contains("0x07");
    }

    @Test
    void givenProbeThatDoesNotAnswer_whenUsbCommandSent_thenTimeoutStatusAndTheReplyKeepsItsSize() throws IOException {
        StLinkServer silent = new StLinkServer((command, dataOut, replyLength) -> {
            throw new io.blueflash.sim.stlink.StLinkNoReplyException("unknown top-level command");
        }, StLinkServerDevice.stLinkV2("S"), log::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        silent.serve(new ByteArrayInputStream(openOcdSession(1)), out);

        ByteBuffer r = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        r.position(16 + 4 + 4 + 45 + 8);
        assertThat(r.getInt()).isEqualTo(StLinkServer.STATUS_TIMEOUT);
        assertThat(out.size()).isEqualTo(16 + 4 + 4 + 45 + 8 + (4 + 6) + 4 + 4);
        assertThat(log).isNotEmpty();
    }

    @Test
    void givenSessionThatEndsWithoutClosing_whenItsSocketCloses_thenItsConnectionIsClosedAndTheNextGetsANewId()
            throws IOException {
        ByteBuffer openOnly = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        openOnly.put(new byte[] {0x03, 0, 0, 0}).putInt(0x5354_0001);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        server.serve(new ByteArrayInputStream(openOnly.array()), first);

        assertThat(server.openConnections()).as("closed with the vanished client").isZero();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        server.serve(new ByteArrayInputStream(openOcdSession(2)), second);
        ByteBuffer r = ByteBuffer.wrap(second.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        r.position(16 + 4 + 4 + 45 + 4);
        assertThat(r.getInt()).as("connection ids are not reused").isEqualTo(2);
        assertThat(calls).hasSize(2);
    }
}
