package io.blueflash.transport.usb.stlink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A channel that answers from a script of replies and records every command (probe-rs MockUsb style). */
final class ScriptedStLinkChannel implements StLinkChannel {

    record Sent(byte[] command, byte[] data, int replyLength) {
        int code() {
            return command[0] & 0xFF;
        }

        int sub() {
            return command[1] & 0xFF;
        }

        int u32(int offset) {
            return StLinkCommand.u32At(command, offset);
        }

        int u16(int offset) {
            return StLinkCommand.u16At(command, offset);
        }
    }

    final List<Sent> sent = new ArrayList<>();
    private final Deque<byte[]> replies = new ArrayDeque<>();
    boolean closed;

    /** Queues the next reply; shorter arrays are zero padded to the length the host asks for. */
    ScriptedStLinkChannel reply(int... bytes) {
        byte[] reply = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reply[i] = (byte) bytes[i];
        }
        replies.add(reply);
        return this;
    }

    ScriptedStLinkChannel replyBytes(byte[] reply) {
        replies.add(reply.clone());
        return this;
    }

    /** Queues an empty reply for a command without a reply phase. */
    ScriptedStLinkChannel none() {
        replies.add(new byte[0]);
        return this;
    }

    /** A GETLASTRWSTATUS2 reply. */
    ScriptedStLinkChannel rwStatus2(int status, int faultAddress) {
        byte[] reply = new byte[12];
        reply[0] = (byte) status;
        reply[4] = (byte) faultAddress;
        reply[5] = (byte) (faultAddress >>> 8);
        reply[6] = (byte) (faultAddress >>> 16);
        reply[7] = (byte) (faultAddress >>> 24);
        replies.add(reply);
        return this;
    }

    /** GET_VERSION reply for hardware/jtag/low field and PID. */
    ScriptedStLinkChannel version(int hw, int jtag, int low, int pid) {
        int word = hw << 12 | jtag << 6 | low;
        return reply(word >>> 8, word & 0xFF, 0x83, 0x04, pid & 0xFF, pid >>> 8);
    }

    int remaining() {
        return replies.size();
    }

    @Override
    public byte[] transfer(byte[] command16, byte[] dataOut, int replyLength) {
        if (command16.length != 16) {
            throw new AssertionError("command block must be 16 bytes, was " + command16.length);
        }
        sent.add(new Sent(command16.clone(), dataOut == null ? null : dataOut.clone(), replyLength));
        if (replies.isEmpty()) {
            throw new AssertionError(String.format("unexpected command %02X %02X", command16[0], command16[1]));
        }
        byte[] reply = replies.poll();
        return java.util.Arrays.copyOf(reply, replyLength);
    }

    @Override
    public void close() {
        closed = true;
    }
}
