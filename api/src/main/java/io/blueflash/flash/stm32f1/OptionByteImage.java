package io.blueflash.flash.stm32f1;

import io.blueflash.model.AddressRange;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.OptionBytesState;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of the eight option-byte slots at 0x1FFF_F800 (facts §A.3): RDP, USER, Data0, Data1
 * and WRP0..3 as one 32-bit WRPR image. Stored, each slot is a half-word of the value byte and its
 * complement; a slot whose complement does not match loads as 0xFF (OPTERR), so that is the value
 * kept here.
 */
public record OptionByteImage(int rdp, int user, int data0, int data1, int wrp) {

    /** Address of the first slot. */
    public static final int BASE = 0x1FFF_F800;
    /** Bytes of the stored block: 8 slots of value + complement. */
    public static final int SIZE = 16;
    /** The only RDP value that leaves the chip unprotected (facts §B.6). */
    public static final int RDP_UNPROTECTED = 0xA5;
    /** Flash that one WRPR bit protects (facts §B.7). */
    public static final int WRP_BLOCK_BYTES = 4096;
    /** What we program to protect: any other value does; OpenOCD's lock writes 0x00 as well. */
    public static final int RDP_PROTECTED = 0x00;

    public OptionByteImage {
        checkByte("rdp", rdp);
        checkByte("user", user);
        checkByte("data0", data0);
        checkByte("data1", data1);
    }

    /** Decodes the 16 stored bytes. */
    public static OptionByteImage decode(byte[] stored) {
        if (stored == null || stored.length != SIZE) {
            throw new IllegalArgumentException("'stored' must be the " + SIZE + " option bytes");
        }
        int wrp = 0;
        for (int i = 0; i < 4; i++) {
            wrp |= loaded(stored, 4 + i) << (8 * i);
        }
        return new OptionByteImage(loaded(stored, 0), loaded(stored, 1), loaded(stored, 2), loaded(stored, 3), wrp);
    }

    /**
     * Decodes the 16 stored bytes for a reader: the stored value bytes, what the chip loads from them
     * (read protection, the 4 KB flash blocks WRPR protects, facts §B.7) and the slots whose
     * complement is wrong.
     *
     * @param flashBase first byte of main flash, where WRPR bit 0's block starts
     */
    public static OptionBytesState state(byte[] stored, long flashBase) {
        OptionByteImage loaded = decode(stored);
        List<Integer> bytes = new ArrayList<>();
        for (byte b : stored) {
            bytes.add(b & 0xFF);
        }
        int wrp = 0;
        for (int i = 0; i < 4; i++) {
            wrp |= (stored[(4 + i) * 2] & 0xFF) << (8 * i);
        }
        List<OptionBytesState.WriteProtectedBlock> blocks = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            if ((loaded.wrp() & (1 << bit)) == 0) {
                blocks.add(new OptionBytesState.WriteProtectedBlock(bit,
                        new AddressRange(flashBase + (long) bit * WRP_BLOCK_BYTES, WRP_BLOCK_BYTES)));
            }
        }
        List<OptionBytesState.ComplementMismatch> mismatches = new ArrayList<>();
        for (int slot = 0; slot < SIZE / 2; slot++) {
            if (((stored[slot * 2] ^ stored[slot * 2 + 1]) & 0xFF) != 0xFF) {
                mismatches.add(new OptionBytesState.ComplementMismatch(slot, Integer.toUnsignedLong(BASE) + slot * 2L));
            }
        }
        return new OptionBytesState(bytes, stored[0] & 0xFF, loaded.readProtected(), stored[2] & 0xFF,
                stored[4] & 0xFF, stored[6] & 0xFF, wrp, blocks, mismatches);
    }

    private static int loaded(byte[] stored, int slot) {
        int value = stored[slot * 2] & 0xFF;
        int complement = stored[slot * 2 + 1] & 0xFF;
        return (value ^ complement) == 0xFF ? value : 0xFF;
    }

    public boolean readProtected() {
        return rdp != RDP_UNPROTECTED;
    }

    public OptionByteImage withRdp(int value) {
        return new OptionByteImage(value, user, data0, data1, wrp);
    }

    public OptionByteImage withWrp(int value) {
        return new OptionByteImage(rdp, user, data0, data1, value);
    }

    /** The value byte of slot 0..7. */
    public int value(int slot) {
        return switch (slot) {
            case 0 -> rdp;
            case 1 -> user;
            case 2 -> data0;
            case 3 -> data1;
            case 4, 5, 6, 7 -> (wrp >>> (8 * (slot - 4))) & 0xFF;
            default -> throw new IllegalArgumentException("option-byte slot 0..7, not " + slot);
        };
    }

    /** The half-word programmed into slot 0..7: {@code value | ~value << 8} (facts §A.3, §B.5). */
    public int halfWord(int slot) {
        int v = value(slot);
        return v | ((~v & 0xFF) << 8);
    }

    /**
     * The WRPR bit that protects {@code page} (facts §B.7): 4 KB per bit (4 pages of 1 KB, 2 of 2 KB);
     * on 2 KB-page parts bit 31 covers every page from there on.
     */
    public static int wrpBitOf(FlashGeometry geometry, int page) {
        if (page < 0 || page >= geometry.pageCount()) {
            throw new IllegalArgumentException(String.format("page %d is not on this chip (pages 0..%d)",
                    page, geometry.pageCount() - 1));
        }
        long block = (long) page * geometry.pageSize() / 4096;
        if (block > 31) {
            if (geometry.pageSize() < 2048) {
                throw new IllegalArgumentException(String.format("page %d is beyond the 128 KB that the WRP bits of "
                        + "a 1 KB-page part cover (PM0075 §2.4.2)", page));
            }
            return 31;
        }
        return (int) block;
    }

    private static void checkByte(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(String.format("'%s' must be a byte: 0x%X", name, value));
        }
    }
}
