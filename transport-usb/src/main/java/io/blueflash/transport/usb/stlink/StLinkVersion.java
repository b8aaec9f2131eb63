package io.blueflash.transport.usb.stlink;

/**
 * A probe's hardware and firmware versions and the feature gates that follow from them
 * (facts §D.5; thresholds as OpenOCD applies them).
 *
 * @param hardware hardware version "V" (1, 2, 3; 4 = V3PWR)
 * @param jtag     JTAG/SWD firmware version "J"
 * @param swim     SWIM firmware version "S" (V2), 0 when absent
 * @param msd      mass-storage/VCP firmware version "M" (V2-1, V3), 0 when absent
 * @param bridge   bridge firmware version "B" (V3), 0 when absent
 * @param vendorId USB vendor ID reported by the firmware
 * @param productId USB product ID reported by the firmware
 */
public record StLinkVersion(int hardware, int jtag, int swim, int msd, int bridge, int vendorId, int productId) {

    /** Largest 32/16-bit transfer per command (facts §D.7, STLINK_DATA_SIZE). */
    public static final int MAX_WORD_TRANSFER = 6144;

    public StLinkVersion {
        if (hardware < 1 || jtag < 0 || swim < 0 || msd < 0 || bridge < 0) {
            throw new IllegalArgumentException("invalid ST-Link version V" + hardware + "J" + jtag);
        }
    }

    /**
     * Decodes the 6-byte GET_VERSION reply: a big-endian word V[15:12] J[11:6] S/M[5:0], then VID
     * and PID little-endian. On V2-1 product IDs the low field is the mass-storage version unless
     * the OpenOCD rule says the firmware is an STM8 "JxSy" build.
     */
    public static StLinkVersion decode(byte[] reply) {
        if (reply.length < 6) {
            throw new IllegalArgumentException("GET_VERSION reply must be 6 bytes, got " + reply.length);
        }
        int word = (reply[0] & 0xFF) << 8 | (reply[1] & 0xFF);
        int hw = word >>> 12 & 0xF;
        int j = word >>> 6 & 0x3F;
        int low = word & 0x3F;
        int vid = StLinkCommand.u16At(reply, 2);
        int pid = StLinkCommand.u16At(reply, 4);
        boolean v21 = pid != StLinkModel.V2.productId() && pid != StLinkModel.V1.productId() && hw == 2;
        boolean stm8Build = (j <= 22 && low == 7) || (j >= 25 && low >= 7 && low <= 12);
        if (v21 && !stm8Build) {
            return new StLinkVersion(hw, j, 0, low, 0, vid, pid);
        }
        return new StLinkVersion(hw, j, low, 0, 0, vid, pid);
    }

    /** Replaces the versions with the 12-byte GET_VERSION_EX reply of a V3 (facts §D.5). */
    public StLinkVersion withExtended(byte[] reply) {
        if (reply.length < 12) {
            throw new IllegalArgumentException("GET_VERSION_EX reply must be 12 bytes, got " + reply.length);
        }
        return new StLinkVersion(reply[0] & 0xFF, reply[2] & 0xFF, reply[1] & 0xFF, reply[3] & 0xFF,
                reply[4] & 0xFF, StLinkCommand.u16At(reply, 8), StLinkCommand.u16At(reply, 10));
    }

    public boolean isV3() {
        return hardware >= 3;
    }

    /** GET_VERSION carries J = 0 on V3: the real versions need GET_VERSION_EX. */
    public boolean needsExtendedVersion() {
        return isV3() && jtag == 0;
    }

    /** "V2J29S7", "V2J37M26", "V3J7M3B2". */
    public String label() {
        StringBuilder text = new StringBuilder("V").append(hardware).append('J').append(jtag);
        if (swim > 0) {
            text.append('S').append(swim);
        }
        if (msd > 0) {
            text.append('M').append(msd);
        }
        if (bridge > 0) {
            text.append('B').append(bridge);
        }
        return text.toString();
    }

    private boolean v2AtLeast(int j) {
        return hardware == 2 && jtag >= j;
    }

    /** GET_TARGET_VOLTAGE: J13 (facts §D.9). */
    public boolean hasTargetVoltage() {
        return isV3() || v2AtLeast(13);
    }

    /** GETLASTRWSTATUS2 with the fault address: J15. */
    public boolean hasRwStatus2() {
        return isV3() || v2AtLeast(15);
    }

    /** SWD_SET_FREQ (V2 divisor): J22 (facts §H.2: pyOCD says J20; we follow OpenOCD/stlink). */
    public boolean hasSwdSetFrequency() {
        return v2AtLeast(22);
    }

    /** V3 sets the clock with SET_COM_FREQ in kHz. */
    /** JTAG_SET_FREQ: V2 from J24 (OpenOCD STLINK_F_HAS_JTAG_SET_FREQ). */
    public boolean hasJtagSetFrequency() {
        return v2AtLeast(24);
    }

    public boolean hasComFrequency() {
        return isV3();
    }

    /** READ_DAP_REG / WRITE_DAP_REG: J24. */
    public boolean hasDapRegisters() {
        return isV3() || v2AtLeast(24);
    }

    /** READMEM_16BIT / WRITEMEM_16BIT: J26. Without them the FPEC cannot be fed half-words. */
    public boolean has16BitMemory() {
        return isV3() || v2AtLeast(26);
    }

    /** INIT_AP must be sent before using an AP: J28. */
    public boolean needsInitAp() {
        return isV3() || v2AtLeast(28);
    }

    /** Largest 8-bit transfer: one full-speed packet (64) on V2, 512 on V3 from J6 (facts §D.7, §H.4). */
    public int maxByteTransfer() {
        return isV3() && jtag >= 6 ? 512 : 64;
    }
}
