package io.blueflash.sim.stlink;

import static io.blueflash.sim.stlink.StLinkOpcodes.*;

import io.blueflash.sim.chip.Stm32F103;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ST-Link's firmware seen from USB (facts §D.2–§D.9): it takes the same 16-byte command blocks
 * and data phases as a real probe, answers with the same reply layouts and status codes (§D.6),
 * and performs the SWD work on the simulated chip. It can pose as V2, V2-1 or V3 with any firmware
 * version; commands the posed firmware does not have are answered as old firmware does: DEBUG
 * sub-commands with status 0x42 (unknown command), unknown top-level commands with no reply.
 *
 * <p>Time: every command charges the personality's USB cost on the chip's clock (see
 * {@link StLinkPersonality}); the SWD transactions are charged by the chip itself. Not thread-safe
 * beyond one command at a time ({@link #transfer} is synchronized).
 */
public final class StLinkEmulator {

    // status codes, facts §D.6
    static final int OK = 0x80, CMD_ERROR = 0x08, GET_IDCODE_ERROR = 0x09, ALIGNMENT_ERROR = 0x0A,
            SWD_AP_WAIT = 0x10, SWD_AP_FAULT = 0x11, SWD_DP_WAIT = 0x14, SWD_DP_FAULT = 0x15, SWD_DP_ERROR = 0x16,
            FREQUENCY_NOT_SUPPORTED = 0x41, UNKNOWN_COMMAND = 0x42;
    /** GET_CURRENT_MODE values (facts §D.3). */
    static final int MODE_DFU = 0, MODE_MASS = 1, MODE_DEBUG = 2;
    /** GET_TARGET_VOLTAGE reference reading; the target reading is scaled so 2 × 1.2 V × t / ref = volts (§D.9). */
    static final int VREF_READING = 1600;
    /** V2 SWD divisors (facts §D.8): {kHz, divisor}. */
    static final int[][] V2_DIVISORS = {{4000, 0}, {1800, 1}, {1200, 2}, {950, 3}, {480, 7}, {240, 15}, {125, 31},
        {100, 40}, {50, 79}, {25, 158}, {15, 265}, {5, 798}};
    static final int[][] V2_JTAG_DIVISORS = {{9000, 4}, {4500, 8}, {2250, 16}, {1125, 32}, {562, 64}, {281, 128},
        {140, 256}};
    /** SWD clocks an STLINK-V3 offers through GET_COM_FREQ, kHz. */
    static final List<Integer> V3_SWD_KHZ = List.of(24000, 8000, 3300, 1000, 200, 50, 5);
    static final int MAX_WORD_TRANSFER = 6144;
    private static final int AIRCR = 0xE000_ED0C, AIRCR_SYSRESETREQ = 0x05FA_0004;
    /** NRST low time of a DRIVE_NRST pulse: stlink's 100 µs (facts §C.6). */
    private static final long NRST_PULSE_NANOS = 100_000;

    private final ProbeTarget target;
    private final StLinkPersonality personality;
    private int mode;
    private boolean swdEntered;
    private int lastRwStatus = OK;
    private int lastFaultAddress;
    private long commands;
    private final Map<String, Long> perCommand = new HashMap<>();
    private long bytesOut;
    private long bytesIn;
    private long usbNanos;
    private long firmwareNanosPerTransfer;

    /** An ST-Link posing as {@code personality}, its SWD lines wired to {@code chip}. */
    public StLinkEmulator(Stm32F103 chip, StLinkPersonality personality) {
        this(new ChipProbeTarget(Objects.requireNonNull(chip, "'chip' must not be null")), personality);
    }

    StLinkEmulator(ProbeTarget target, StLinkPersonality personality) {
        this.target = Objects.requireNonNull(target, "'target' must not be null");
        this.personality = Objects.requireNonNull(personality, "'personality' must not be null");
        // V2 dongles come up in DFU mode, probes with mass storage in mass-storage mode
        this.mode = personality.model().equals("V2") ? MODE_DFU : MODE_MASS;
    }

    /**
     * Time the probe's firmware spends per data transfer of a memory read (one word, half-word or
     * byte read over SWD), on top of the SWD bits the chip charges: a real ST-Link drives SWD from
     * its own MCU and spends time between reads that the bit count alone does not show. Writes are
     * not charged: OpenOCD's loader streams through WRITEMEM_32BIT faster than a Blue Pill programs
     * (47.0 KiB/s), which the model reproduces without a write cost. 0 (the default) is the bare
     * model; {@link io.blueflash.sim.chip.TimingPreset#MEASURED} sets the figure calibrated against
     * published OpenOCD reads of 50–58 KiB/s (docs/sim.md).
     */
    public synchronized void setFirmwareNanosPerReadTransfer(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("'nanos' must not be negative: " + nanos);
        }
        this.firmwareNanosPerTransfer = nanos;
    }

    /** Simulated time on the target's clock, in nanoseconds. */
    public long simulatedNanos() {
        return target.nanos();
    }

    public StLinkPersonality personality() {
        return personality;
    }

    /** Counters since creation (commands, bytes, USB time). */
    public synchronized StLinkCommandCounters counters() {
        return new StLinkCommandCounters(commands, perCommand, bytesOut, bytesIn, usbNanos);
    }

    /**
     * One USB command: the 16-byte block, the data phase of memory writes (nullable), and the
     * number of reply bytes the host reads. The reply is exactly {@code replyLength} bytes
     * (zero padded). Throws {@link StLinkNoReplyException} when this firmware would not answer.
     */
    public synchronized byte[] transfer(byte[] command16, byte[] dataOut, int replyLength) {
        Objects.requireNonNull(command16, "'command16' must not be null");
        if (command16.length != 16) {
            throw new IllegalArgumentException("an ST-Link command block is 16 bytes, got " + command16.length);
        }
        if (replyLength < 0) {
            throw new IllegalArgumentException("'replyLength' must not be negative: " + replyLength);
        }
        byte[] data = dataOut == null ? new byte[0] : dataOut;
        String name = nameOf(command16);
        commands++;
        perCommand.merge(name, 1L, Long::sum);
        bytesOut += 16 + data.length;
        bytesIn += replyLength;
        long cost = personality.roundTripNanos() + (16L + data.length + replyLength) * personality.nanosPerByte();
        usbNanos += cost;
        target.advanceNanos(cost);
        byte[] reply = execute(command16, data, replyLength);
        if (reply == null) {
            if (replyLength > 0) {
                throw new StLinkNoReplyException("ST-Link " + personality.label() + " does not answer " + name);
            }
            return new byte[0];
        }
        return java.util.Arrays.copyOf(reply, replyLength);
    }

    private byte[] execute(byte[] c, byte[] data, int replyLength) {
        return switch (c[0] & 0xFF) {
            case GET_VERSION -> version();
            case GET_VERSION_EX -> personality.isV3() ? versionEx() : null;
            case GET_CURRENT_MODE -> new byte[] {(byte) mode, 0};
            case DFU_COMMAND -> {
                if ((c[1] & 0xFF) == DFU_EXIT && mode == MODE_DFU) {
                    mode = MODE_MASS;
                }
                yield null;
            }
            case SWIM_COMMAND -> {
                if ((c[1] & 0xFF) == SWIM_EXIT) {
                    mode = MODE_MASS;
                }
                yield null;
            }
            case GET_TARGET_VOLTAGE -> personality.atLeast(13) ? voltage() : null;
            case DEBUG_COMMAND -> debug(c, data, replyLength);
            default -> null;
        };
    }

    private byte[] version() {
        int j = personality.isV3() ? 0 : personality.jtag();
        int low = personality.isV3() ? 0 : personality.swimOrMsd();
        int word = personality.hardware() << 12 | j << 6 | low;
        byte[] reply = new byte[6];
        reply[0] = (byte) (word >>> 8);
        reply[1] = (byte) word;
        putU16(reply, 2, 0x0483);
        putU16(reply, 4, personality.productId());
        return reply;
    }

    private byte[] versionEx() {
        byte[] reply = new byte[12];
        reply[0] = (byte) personality.hardware();
        reply[1] = 0; // no SWIM on V3
        reply[2] = (byte) personality.jtag();
        reply[3] = (byte) personality.swimOrMsd();
        reply[4] = 1; // bridge firmware
        putU16(reply, 8, 0x0483);
        putU16(reply, 10, personality.productId());
        return reply;
    }

    private byte[] voltage() {
        byte[] reply = new byte[8];
        putU32(reply, 0, VREF_READING);
        putU32(reply, 4, (int) ((long) personality.targetMillivolts() * VREF_READING / 2400));
        return reply;
    }

    /** Firmware version that introduced a DEBUG sub-command (facts §D.4, §D.5); 0 = always there. */
    private boolean known(int sub) {
        return switch (sub) {
            case GETLASTRWSTATUS2 -> personality.atLeast(15);
            case SWD_SET_FREQ -> !personality.isV3() && personality.jtag() >= 22;
            case JTAG_SET_FREQ -> !personality.isV3() && personality.jtag() >= 24;
            case READ_DAP_REG, WRITE_DAP_REG -> personality.atLeast(24);
            case READMEM_16BIT, WRITEMEM_16BIT -> personality.atLeast(26);
            case INIT_AP, CLOSE_AP_DBG -> personality.atLeast(28);
            case SET_COM_FREQ, GET_COM_FREQ -> personality.isV3();
            case EXIT, ENTER, READ_IDCODES, RESETSYS, READREG, WRITEREG, WRITEDEBUGREG, READDEBUGREG, READALLREGS,
                    GETLASTRWSTATUS, DRIVE_NRST, READMEM_32BIT, WRITEMEM_32BIT, READMEM_8BIT, WRITEMEM_8BIT -> true;
            default -> false;
        };
    }

    private byte[] debug(byte[] c, byte[] data, int replyLength) {
        int sub = c[1] & 0xFF;
        if (!known(sub)) {
            if (isWrite(sub)) {
                lastRwStatus = UNKNOWN_COMMAND;
            }
            return statusReply(UNKNOWN_COMMAND, Math.max(2, replyLength));
        }
        if (sub == EXIT) {
            mode = MODE_MASS;
            swdEntered = false;
            return null;
        }
        if (sub == ENTER) {
            return enter(c[2] & 0xFF);
        }
        if (sub == GETLASTRWSTATUS) {
            return new byte[] {(byte) lastRwStatus, 0};
        }
        if (sub == GETLASTRWSTATUS2) {
            byte[] reply = new byte[12];
            putU16(reply, 0, lastRwStatus);
            putU32(reply, 4, lastFaultAddress);
            return reply;
        }
        if (sub == DRIVE_NRST) {
            return nrst(c[2] & 0xFF);
        }
        if (sub == SWD_SET_FREQ) {
            return setV2Frequency(u16(c, 2));
        }
        if (sub == JTAG_SET_FREQ) {
            return setV2JtagFrequency(u16(c, 2));
        }
        if (sub == GET_COM_FREQ) {
            return comFrequencies();
        }
        if (sub == SET_COM_FREQ) {
            return setComFrequency(u32(c, 4), (c[2] & 0xFF) == 1);
        }
        if (sub == INIT_AP || sub == CLOSE_AP_DBG) {
            return statusReply(OK, 2);
        }
        if (!swdEntered) {
            if (isWrite(sub) || isRead(sub)) {
                lastRwStatus = SWD_DP_ERROR;
                return isRead(sub) ? new byte[Math.max(replyLength, 1)] : null;
            }
            return statusReply(SWD_DP_ERROR, Math.max(2, replyLength));
        }
        if (isRead(sub)) {
            return readMemory(sub, u32(c, 2), u16(c, 6));
        }
        if (isWrite(sub)) {
            writeMemory(sub, u32(c, 2), u16(c, 6), data);
            return null;
        }
        return targetCommand(sub, c);
    }

    private static boolean isRead(int sub) {
        return sub == READMEM_32BIT || sub == READMEM_8BIT || sub == READMEM_16BIT;
    }

    private static boolean isWrite(int sub) {
        return sub == WRITEMEM_32BIT || sub == WRITEMEM_8BIT || sub == WRITEMEM_16BIT;
    }

    private static int widthOf(int sub) {
        return switch (sub) {
            case READMEM_32BIT, WRITEMEM_32BIT -> 4;
            case READMEM_16BIT, WRITEMEM_16BIT -> 2;
            default -> 1;
        };
    }

    private byte[] enter(int how) {
        if (how != ENTER_SWD && how != ENTER_JTAG_NO_RESET) {
            return statusReply(CMD_ERROR, 2);
        }
        try {
            if (how == ENTER_JTAG_NO_RESET) {
                target.connectJtag();
            } else {
                target.connect();
            }
            swdEntered = true;
            mode = MODE_DEBUG;
            return statusReply(OK, 2);
        } catch (RuntimeException e) {
            return statusReply(statusOf(e, GET_IDCODE_ERROR), 2);
        }
    }

    private byte[] nrst(int how) {
        switch (how) {
            case NRST_LOW -> target.setNrst(true);
            case NRST_HIGH -> target.setNrst(false);
            case NRST_PULSE -> {
                target.setNrst(true);
                target.advanceNanos(NRST_PULSE_NANOS);
                target.setNrst(false);
            }
            default -> {
                return statusReply(CMD_ERROR, 2);
            }
        }
        return statusReply(OK, 2);
    }

    private byte[] setV2Frequency(int divisor) {
        target.setSwdFrequencyHz(khzOfDivisor(V2_DIVISORS, divisor) * 1000L);
        return statusReply(OK, 2);
    }

    /** The kHz of the table entry whose divisor is nearest {@code divisor}. */
    private static int khzOfDivisor(int[][] table, int divisor) {
        int[] best = table[0];
        for (int[] entry : table) {
            if (Math.abs(entry[1] - divisor) < Math.abs(best[1] - divisor)) {
                best = entry;
            }
        }
        return best[0];
    }

    /** OpenOCD's {@code stlink_khz_to_speed_map_jtag}: kHz and the divisor a V2 takes for it. */
    private byte[] setV2JtagFrequency(int divisor) {
        target.setJtagFrequencyHz(khzOfDivisor(V2_JTAG_DIVISORS, divisor) * 1000L);
        return statusReply(OK, 2);
    }

    private byte[] comFrequencies() {
        byte[] reply = new byte[52];
        reply[0] = (byte) OK;
        reply[8] = (byte) V3_SWD_KHZ.size();
        for (int i = 0; i < V3_SWD_KHZ.size(); i++) {
            putU32(reply, 12 + 4 * i, V3_SWD_KHZ.get(i));
        }
        return reply;
    }

    /** @param jtag SET_COM_FREQ's mode byte was 1: the JTAG clock (this emulator offers the same list for both) */
    private byte[] setComFrequency(int khz, boolean jtag) {
        int chosen = V3_SWD_KHZ.stream().filter(f -> f <= khz).max(Integer::compare).orElse(-1);
        if (chosen < 0) {
            return statusReply(FREQUENCY_NOT_SUPPORTED, 8);
        }
        if (jtag) {
            target.setJtagFrequencyHz(chosen * 1000L);
        } else {
            target.setSwdFrequencyHz(chosen * 1000L);
        }
        byte[] reply = statusReply(OK, 8);
        putU32(reply, 4, chosen);
        return reply;
    }

    private int maxTransfer(int width) {
        if (width > 1) {
            return MAX_WORD_TRANSFER;
        }
        return personality.isV3() && personality.jtag() >= 6 ? 512 : 64;
    }

    /** The firmware's own time for {@code elements} read transfers (see {@link #setFirmwareNanosPerReadTransfer}). */
    private void chargeFirmware(int elements) {
        if (firmwareNanosPerTransfer > 0 && elements > 0) {
            target.advanceNanos(firmwareNanosPerTransfer * elements);
        }
    }

    private byte[] readMemory(int sub, int address, int length) {
        int width = widthOf(sub);
        chargeFirmware(length / width);
        byte[] out = new byte[width == 1 && length == 1 ? 2 : length];
        if (!transferAllowed(address, length, width)) {
            return out;
        }
        try {
            byte[] read = target.readBlock(address, length, width);
            System.arraycopy(read, 0, out, 0, length);
            lastRwStatus = OK;
        } catch (RuntimeException e) {
            recordRwFailure(e, address);
        }
        return out;
    }

    private void writeMemory(int sub, int address, int length, byte[] data) {
        int width = widthOf(sub);
        if (data.length != length) {
            throw new IllegalArgumentException(String.format(
                    "%s announces %d bytes but the data phase carries %d", nameOf(new byte[] {(byte) DEBUG_COMMAND, (byte) sub}),
                    length, data.length));
        }
        if (!transferAllowed(address, length, width)) {
            return;
        }
        try {
            target.writeBlock(address, data, width);
            lastRwStatus = OK;
        } catch (RuntimeException e) {
            recordRwFailure(e, address);
        }
    }

    private boolean transferAllowed(int address, int length, int width) {
        if (length == 0 || length > maxTransfer(width)) {
            lastRwStatus = CMD_ERROR;
            lastFaultAddress = address;
            return false;
        }
        if ((address & (width - 1)) != 0 || length % width != 0) {
            lastRwStatus = ALIGNMENT_ERROR;
            lastFaultAddress = address;
            return false;
        }
        return true;
    }

    private void recordRwFailure(RuntimeException e, int address) {
        lastRwStatus = statusOf(e, SWD_AP_FAULT);
        lastFaultAddress = e instanceof ProbeTarget.TargetFault f ? f.address
                : e instanceof ProbeTarget.TargetWait w ? w.address : address;
    }

    /** Status byte for a target-side failure (facts §D.6). */
    private static int statusOf(RuntimeException e, int fallback) {
        if (e instanceof ProbeTarget.TargetFault f) {
            return f.dp ? SWD_DP_FAULT : SWD_AP_FAULT;
        }
        if (e instanceof ProbeTarget.TargetWait w) {
            return w.dp ? SWD_DP_WAIT : SWD_AP_WAIT;
        }
        if (e instanceof ProbeTarget.TargetUnreachable) {
            return SWD_DP_ERROR;
        }
        if (fallback == GET_IDCODE_ERROR) {
            return GET_IDCODE_ERROR;
        }
        throw e;
    }

    /** Commands with an inline status: IDCODE, registers, debug registers, DAP registers, RESETSYS. */
    private byte[] targetCommand(int sub, byte[] c) {
        try {
            return switch (sub) {
                case READ_IDCODES -> {
                    byte[] reply = statusReply(OK, 12);
                    putU32(reply, 4, target.readDp(0x0));
                    yield reply;
                }
                case RESETSYS -> {
                    target.writeBlock(AIRCR, le32(AIRCR_SYSRESETREQ), 4);
                    yield statusReply(OK, 2);
                }
                case READREG -> {
                    byte[] reply = statusReply(OK, 8);
                    putU32(reply, 4, target.readCoreRegister(c[2] & 0xFF));
                    yield reply;
                }
                case WRITEREG -> {
                    target.writeCoreRegister(c[2] & 0xFF, u32(c, 3));
                    yield statusReply(OK, 2);
                }
                case READALLREGS -> {
                    byte[] reply = statusReply(OK, 88);
                    for (int reg = 0; reg <= 20; reg++) {
                        putU32(reply, 4 + 4 * reg, target.readCoreRegister(reg));
                    }
                    yield reply;
                }
                case WRITEDEBUGREG -> {
                    target.writeBlock(u32(c, 2), le32(u32(c, 6)), 4);
                    yield statusReply(OK, 2);
                }
                case READDEBUGREG -> {
                    byte[] reply = statusReply(OK, 8);
                    System.arraycopy(target.readBlock(u32(c, 2), 4, 4), 0, reply, 4, 4);
                    yield reply;
                }
                case READ_DAP_REG -> {
                    int port = u16(c, 2);
                    int address = u16(c, 4);
                    byte[] reply = statusReply(OK, 8);
                    putU32(reply, 4, port == DAP_PORT_DP ? target.readDp(address) : target.readAp(port, address));
                    yield reply;
                }
                case WRITE_DAP_REG -> {
                    int port = u16(c, 2);
                    int address = u16(c, 4);
                    if (port == DAP_PORT_DP) {
                        target.writeDp(address, u32(c, 6));
                    } else {
                        target.writeAp(port, address, u32(c, 6));
                    }
                    yield statusReply(OK, 2);
                }
                default -> statusReply(UNKNOWN_COMMAND, 2);
            };
        } catch (RuntimeException e) {
            int size = switch (sub) {
                case READ_IDCODES -> 12;
                case READALLREGS -> 88;
                case READREG, READDEBUGREG, READ_DAP_REG -> 8;
                default -> 2;
            };
            return statusReply(statusOf(e, SWD_AP_FAULT), size);
        }
    }

    private static byte[] statusReply(int status, int length) {
        byte[] reply = new byte[length];
        reply[0] = (byte) status;
        return reply;
    }

    /** Command name for counters and messages. */
    static String nameOf(byte[] c) {
        return StLinkOpcodes.nameOf(c);
    }

    static int u16(byte[] b, int offset) {
        return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8;
    }

    static int u32(byte[] b, int offset) {
        return u16(b, offset) | u16(b, offset + 2) << 16;
    }

    static void putU16(byte[] b, int offset, int value) {
        b[offset] = (byte) value;
        b[offset + 1] = (byte) (value >>> 8);
    }

    static void putU32(byte[] b, int offset, int value) {
        putU16(b, offset, value);
        putU16(b, offset + 2, value >>> 16);
    }

    private static byte[] le32(int value) {
        byte[] b = new byte[4];
        putU32(b, 0, value);
        return b;
    }
}
