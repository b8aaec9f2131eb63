package io.blueflash.transport.serial.gdb;

import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryBlocks;
import io.blueflash.port.out.MemoryFaultException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@link MemoryAccess} through RSP {@code m}, {@code M} and {@code X} packets (facts §F.3).
 *
 * <p>RSP has no access width: the probe picks the widest access both the address and the length
 * are aligned to (BMP's rule). So single accesses send exactly their width's length, word blocks go
 * as {@code X} packets of whole words, and half-word or byte blocks are sent one access per packet,
 * because a longer packet could be widened (the FPEC only accepts half-words under PG, facts §B.4).
 * A bus error ({@code E nn} to m/M/X) becomes {@link MemoryFaultException}.
 */
final class GdbMemoryAccess implements MemoryAccess {

    private final BmpSession session;

    GdbMemoryAccess(BmpSession session) {
        this.session = session;
    }

    @Override
    public int read32(int address) {
        checkAligned(address, AccessWidth.WORD);
        return MemoryBlocks.wordAt(read(address, 4), 0);
    }

    @Override
    public void write32(int address, int value) {
        checkAligned(address, AccessWidth.WORD);
        byte[] data = new byte[4];
        MemoryBlocks.putWord(data, 0, value);
        writeHex(address, data);
    }

    @Override
    public int read16(int address) {
        checkAligned(address, AccessWidth.HALFWORD);
        return MemoryBlocks.halfWordAt(read(address, 2), 0);
    }

    @Override
    public void write16(int address, int value) {
        checkAligned(address, AccessWidth.HALFWORD);
        byte[] data = new byte[2];
        MemoryBlocks.putHalfWord(data, 0, value);
        writeHex(address, data);
    }

    @Override
    public int read8(int address) {
        return read(address, 1)[0] & 0xFF;
    }

    @Override
    public void write8(int address, int value) {
        writeHex(address, new byte[] {(byte) value});
    }

    @Override
    public byte[] readBlock(int address, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("'length' must not be negative: " + length);
        }
        byte[] out = new byte[length];
        int chunk = maxReadChunk();
        for (int done = 0; done < length; ) {
            int count = Math.min(chunk, length - done);
            System.arraycopy(read(address + done, count), 0, out, done, count);
            done += count;
        }
        return out;
    }

    @Override
    public void writeBlock(int address, byte[] data, AccessWidth width) {
        MemoryBlocks.checkAligned(address, data.length, width);
        if (width != AccessWidth.WORD) {
            MemoryAccess.super.writeBlock(address, data, width);
            return;
        }
        for (int done = 0; done < data.length; ) {
            int count = wordsFitting(data, done);
            writeBinary(address + done, data, done, count);
            done += count;
        }
    }

    /** Bytes per m request: the hex reply must fit the packet (two characters per byte). */
    private int maxReadChunk() {
        return Math.max(4, (session.maxPayload() / 2) & ~3);
    }

    private byte[] read(int address, int length) {
        session.requireHalted("reading memory");
        session.finishFlash();
        String request = String.format("m%x,%x", address, length);
        String reply = request(request);
        byte[] data = RspCodec.unhex(reply);
        if (data.length != length) {
            throw new RspProtocolException(String.format("'%s' returned %d bytes instead of %d", request,
                    data.length, length));
        }
        return data;
    }

    private void writeHex(int address, byte[] data) {
        session.requireHalted("writing memory");
        session.finishFlash();
        String request = String.format("M%x,%x:%s", address, data.length, RspCodec.hex(data));
        expectOk(request, request(request));
    }

    private void writeBinary(int address, byte[] data, int from, int count) {
        session.requireHalted("writing memory");
        session.finishFlash();
        String header = String.format("X%x,%x:", address, count);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        payload.writeBytes(RspCodec.escape(java.util.Arrays.copyOfRange(data, from, from + count)));
        try {
            String reply = RspCodec.ascii(session.protocol.exchange(payload.toByteArray(), header,
                    session.protocol.defaultTimeout()));
            expectOk(header, reply);
        } catch (GdbErrorReplyException e) {
            throw new MemoryFaultException(address, e.getMessage(), e);
        }
    }

    /** Whole words from {@code from} whose escaped form fits one packet. */
    private int wordsFitting(byte[] data, int from) {
        int budget = session.maxPayload() - 24;
        int escaped = 0;
        int count = 0;
        while (from + count < data.length) {
            int wordCost = 0;
            for (int i = 0; i < 4; i++) {
                wordCost += RspCodec.needsEscape(data[from + count + i] & 0xFF) ? 2 : 1;
            }
            if (escaped + wordCost > budget) {
                break;
            }
            escaped += wordCost;
            count += 4;
        }
        return Math.max(count, 4);
    }

    private String request(String request) {
        try {
            return session.protocol.request(request);
        } catch (GdbErrorReplyException e) {
            throw new MemoryFaultException(addressOf(request), e.getMessage(), e);
        }
    }

    private static void expectOk(String request, String reply) {
        if (!reply.equals("OK")) {
            throw new RspProtocolException("unexpected reply '" + RspCodec.abbreviate(reply) + "' to '"
                    + RspCodec.abbreviate(request) + "'");
        }
    }

    private static int addressOf(String request) {
        return (int) Long.parseLong(request.substring(1, request.indexOf(',')), 16);
    }

    private static void checkAligned(int address, AccessWidth width) {
        if (!width.isAligned(Integer.toUnsignedLong(address))) {
            throw new IllegalArgumentException(String.format("%s access at 0x%08X is not aligned", width, address));
        }
    }
}
