package io.blueflash.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds firmware files in code for tests and benchmarks: Intel HEX and S-record text with correct
 * checksums (or deliberately wrong ones), and ELF32 files byte by byte. Shared through api's test-jar.
 */
public final class TestImages {

    public static final long FLASH_BASE = 0x0800_0000L;

    private TestImages() {
    }

    /** {@code length} deterministic, non-repeating-looking bytes (no 0xFF runs that look erased). */
    public static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        int x = seed * 0x9E3779B9 + 1;
        for (int i = 0; i < length; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            b[i] = (byte) x;
        }
        return b;
    }

    // ---------------------------------------------------------------- Intel HEX

    /** One Intel HEX record line (no line terminator) with a correct checksum. */
    public static String hexRecord(int type, int offset, byte... data) {
        byte[] r = new byte[data.length + 5];
        r[0] = (byte) data.length;
        r[1] = (byte) (offset >> 8);
        r[2] = (byte) offset;
        r[3] = (byte) type;
        System.arraycopy(data, 0, r, 4, data.length);
        int sum = 0;
        for (int i = 0; i < r.length - 1; i++) {
            sum += r[i] & 0xFF;
        }
        r[r.length - 1] = (byte) -sum;
        return ":" + hex(r);
    }

    /** {@code record} with its checksum byte replaced by {@code checksum}. */
    public static String withChecksum(String record, int checksum) {
        return record.substring(0, record.length() - 2) + String.format("%02X", checksum);
    }

    /**
     * The whole image as Intel HEX: type 04 whenever the upper 16 address bits change, type 00
     * records of {@code recordSize} bytes (split at 64 KB boundaries), type 05 for the entry point,
     * type 01 at the end; lines end with CRLF as objcopy writes them.
     */
    public static String intelHex(FirmwareImage image, int recordSize) {
        StringBuilder out = new StringBuilder((int) (image.totalBytes() * 2.3 + 64));
        long upper = -1;
        for (ImageSegment s : image.segments()) {
            byte[] data = s.data();
            int i = 0;
            while (i < data.length) {
                long address = s.address() + i;
                if (address >>> 16 != upper) {
                    upper = address >>> 16;
                    out.append(hexRecord(0x04, 0, (byte) (upper >> 8), (byte) upper)).append("\r\n");
                }
                int n = (int) Math.min(Math.min(recordSize, data.length - i), 0x10000 - (address & 0xFFFF));
                byte[] chunk = new byte[n];
                System.arraycopy(data, i, chunk, 0, n);
                out.append(hexRecord(0x00, (int) (address & 0xFFFF), chunk)).append("\r\n");
                i += n;
            }
        }
        image.entryPoint().ifPresent(e -> out.append(hexRecord(0x05, 0, be32(e))).append("\r\n"));
        out.append(":00000001FF\r\n");
        return out.toString();
    }

    /** A 1 MB image at the start of flash as Intel HEX with 16-byte records (what objcopy writes). */
    public static byte[] oneMegabyteIntelHex() {
        return intelHex(FirmwareImage.binary(FLASH_BASE, pattern(1 << 20, 7)), 16).getBytes(StandardCharsets.US_ASCII);
    }

    /** Lines joined with "\n" and a final newline, as bytes. */
    public static byte[] lines(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    // ---------------------------------------------------------------- S-record

    /** One S-record line of {@code type} (0..9) with a correct checksum. */
    public static String srecRecord(int type, long address, byte... data) {
        int addressBytes = switch (type) {
            case 0, 1, 5, 9 -> 2;
            case 2, 6, 8 -> 3;
            case 3, 7 -> 4;
            default -> throw new IllegalArgumentException("S" + type);
        };
        byte[] r = new byte[1 + addressBytes + data.length + 1];
        r[0] = (byte) (addressBytes + data.length + 1);
        for (int i = 0; i < addressBytes; i++) {
            r[1 + i] = (byte) (address >>> (8 * (addressBytes - 1 - i)));
        }
        System.arraycopy(data, 0, r, 1 + addressBytes, data.length);
        int sum = 0;
        for (int i = 0; i < r.length - 1; i++) {
            sum += r[i] & 0xFF;
        }
        r[r.length - 1] = (byte) ~sum;
        return "S" + type + hex(r);
    }

    /** The image as S-records: S0 header, S3 data, S5 count, S7 entry (0 when none). */
    public static String srec(FirmwareImage image, int recordSize) {
        StringBuilder out = new StringBuilder();
        out.append(srecRecord(0, 0, "blueflash".getBytes(StandardCharsets.US_ASCII))).append('\n');
        int count = 0;
        for (ImageSegment s : image.segments()) {
            byte[] data = s.data();
            for (int i = 0; i < data.length; i += recordSize) {
                int n = Math.min(recordSize, data.length - i);
                byte[] chunk = new byte[n];
                System.arraycopy(data, i, chunk, 0, n);
                out.append(srecRecord(3, s.address() + i, chunk)).append('\n');
                count++;
            }
        }
        out.append(srecRecord(5, count)).append('\n');
        out.append(srecRecord(7, image.entryPoint().orElse(0L))).append('\n');
        return out.toString();
    }

    // ---------------------------------------------------------------- ELF

    /** A program header to put into {@link #elf32}. */
    public record ProgramHeader(int type, long vaddr, long paddr, byte[] data, long memsz) {
        public static ProgramHeader load(long vaddr, long paddr, byte[] data) {
            return new ProgramHeader(1, vaddr, paddr, data, data.length);
        }
    }

    /** A little-endian ARM executable ELF32 with these program headers and no section headers. */
    public static byte[] elf32(long entry, ProgramHeader... headers) {
        return elf32(1, 1, 2, 40, entry, headers);
    }

    /**
     * An ELF file from its raw fields; writes little- or big-endian per {@code data} so error paths
     * can be exercised. File bytes of each header follow the header table, 4-byte aligned.
     */
    public static byte[] elf32(int elfClass, int data, int type, int machine, long entry, ProgramHeader... headers) {
        ByteOrder order = data == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int phoff = 52;
        int offset = phoff + 32 * headers.length;
        List<Integer> offsets = new ArrayList<>();
        for (ProgramHeader h : headers) {
            offset = (offset + 3) & ~3;
            offsets.add(offset);
            offset += h.data().length;
        }
        ByteBuffer b = ByteBuffer.allocate(offset).order(order);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', (byte) elfClass, (byte) data, 1, 0});
        b.position(16);
        b.putShort((short) type).putShort((short) machine).putInt(1).putInt((int) entry).putInt(phoff)
                .putInt(0).putInt(0x0500_0200).putShort((short) 52).putShort((short) 32)
                .putShort((short) headers.length).putShort((short) 40).putShort((short) 0).putShort((short) 0);
        for (int i = 0; i < headers.length; i++) {
            ProgramHeader h = headers[i];
            b.position(phoff + 32 * i);
            b.putInt(h.type()).putInt(offsets.get(i)).putInt((int) h.vaddr()).putInt((int) h.paddr())
                    .putInt(h.data().length).putInt((int) h.memsz()).putInt(h.type() == 1 ? 5 : 4).putInt(4);
        }
        for (int i = 0; i < headers.length; i++) {
            b.position(offsets.get(i));
            b.put(headers[i].data());
        }
        return b.array();
    }

    /**
     * A tiny but complete Blue Pill program as arm-none-eabi-ld lays it out: a vector table and code
     * at 0x08000000 (reset handler = {@code b .}), initialised data whose run address is SRAM
     * (p_vaddr 0x20000000) and whose load address follows the code in flash (p_paddr), and a .bss
     * header with no file bytes. The test resource {@code blinky-f103.elf} holds exactly these bytes.
     */
    public static byte[] tinyBluePillElf() {
        ByteBuffer text = ByteBuffer.allocate(0x48).order(ByteOrder.LITTLE_ENDIAN);
        text.putInt(0x2000_5000);        // initial SP: top of the F103C8's 20 KB SRAM
        text.putInt(0x0800_0041);        // Reset_Handler | 1 (Thumb)
        for (int i = 2; i < 16; i++) {
            text.putInt(0x0800_0045);    // other exceptions -> Default_Handler | 1
        }
        text.putShort((short) 0xE7FE);   // 0x08000040 Reset_Handler: b .
        text.putShort((short) 0xBF00);   // nop
        text.putShort((short) 0xE7FE);   // 0x08000044 Default_Handler: b .
        text.putShort((short) 0xBF00);   // nop
        byte[] data = {0x11, 0x22, 0x33, 0x44, 'b', 'f', 0, 0};
        return elf32(0x0800_0041L,
                ProgramHeader.load(0x0800_0000L, 0x0800_0000L, text.array()),
                ProgramHeader.load(0x2000_0000L, 0x0800_0048L, data),
                new ProgramHeader(1, 0x2000_0008L, 0x2000_0008L, new byte[0], 0x100));
    }

    static String hex(byte[] bytes) {
        char[] digits = "0123456789ABCDEF".toCharArray();
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = digits[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = digits[bytes[i] & 0xF];
        }
        return new String(out);
    }

    private static byte[] be32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    /** Concatenates arrays (test convenience). */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
