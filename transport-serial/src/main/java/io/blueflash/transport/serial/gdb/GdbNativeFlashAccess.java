package io.blueflash.transport.serial.gdb;

import io.blueflash.port.out.NativeFlashAccess;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link NativeFlashAccess} through GDB's flash packets (facts §F.3): {@code vFlashErase:addr,len},
 * {@code vFlashWrite:addr:<escaped binary>} in packets that fit the probe's PacketSize, and
 * {@code vFlashDone} to commit — sent by {@link #finish()}, and automatically before any other
 * request, because the probe may keep the last block buffered until then.
 *
 * <p>Every page erase is checked against the probe's memory map first, so a page-size mismatch
 * fails before anything is erased. Mass erase uses BMP's {@code monitor erase_mass}, falling back
 * to erasing each flash region of the map when a server lacks that command.
 */
final class GdbNativeFlashAccess implements NativeFlashAccess {

    /** Page erase takes ≤ 40 ms on F1 (facts §B.8); the USB round trip adds little. */
    private static final Duration PAGE_ERASE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MASS_ERASE_TIMEOUT = Duration.ofSeconds(60);
    /** One packet programs ≤ 1 KB: ≤ 512 half-words at 70 µs (facts §B.8) plus a buffered block. */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);

    private final BmpSession session;

    GdbNativeFlashAccess(BmpSession session) {
        this.session = session;
    }

    @Override
    public void erasePage(int pageAddress, int pageSize) {
        long address = Integer.toUnsignedLong(pageAddress);
        session.memoryMap.checkPageErase(address, pageSize);
        session.requireHalted("erasing flash");
        session.finishFlash();
        expectOk(session.protocol.request(String.format("vFlashErase:%x,%x", address, pageSize), PAGE_ERASE_TIMEOUT));
    }

    @Override
    public void massErase() {
        session.requireHalted("erasing flash");
        session.finishFlash();
        MonitorResult result = session.protocol.monitor("erase_mass", MASS_ERASE_TIMEOUT);
        switch (result.status()) {
            case OK -> { }
            case FAILED -> throw new RspProtocolException("mass erase failed: " + result.output().trim());
            case UNSUPPORTED -> {
                for (GdbMemoryMap.Region region : session.memoryMap.flashRegions()) {
                    long pages = Math.max(1, region.length() / region.blockSize());
                    expectOk(session.protocol.request(String.format("vFlashErase:%x,%x", region.start(),
                            region.length()), PAGE_ERASE_TIMEOUT.multipliedBy(pages)));
                }
                session.protocol.request("vFlashDone", BmpSession.FLASH_DONE_TIMEOUT);
            }
        }
    }

    @Override
    public void program(int address, byte[] data) {
        long start = Integer.toUnsignedLong(address);
        session.memoryMap.checkProgram(start, data.length);
        session.requireHalted("programming flash");
        for (int done = 0; done < data.length; ) {
            String header = String.format("vFlashWrite:%x:", start + done);
            ByteArrayOutputStream payload = new ByteArrayOutputStream(session.packetSize);
            payload.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
            int budget = session.maxPayload();
            int count = 0;
            while (done + count < data.length) {
                int b = data[done + count] & 0xFF;
                int cost = RspCodec.needsEscape(b) ? 2 : 1;
                if (payload.size() + cost > budget) {
                    break;
                }
                if (cost == 2) {
                    payload.write(RspCodec.ESCAPE);
                    payload.write(b ^ 0x20);
                } else {
                    payload.write(b);
                }
                count++;
            }
            session.flashWritten();
            expectOk(RspCodec.ascii(session.protocol.exchange(payload.toByteArray(), header, WRITE_TIMEOUT)));
            done += count;
        }
    }

    @Override
    public void finish() {
        session.finishFlash();
    }

    private static void expectOk(String reply) {
        if (!reply.equals("OK")) {
            throw new RspProtocolException("flash request answered '" + RspCodec.abbreviate(reply) + "' instead of OK");
        }
    }
}
