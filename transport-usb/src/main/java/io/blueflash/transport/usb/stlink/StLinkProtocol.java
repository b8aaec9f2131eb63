package io.blueflash.transport.usb.stlink;

import static io.blueflash.transport.usb.stlink.StLinkCommand.*;

import io.blueflash.model.TraceSink;
import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.DapFaultException;
import io.blueflash.port.out.DapWaitTimeoutException;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.TargetCommunicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The ST-Link command set at the level of single commands (facts §D.3–§D.9): it builds the
 * 16-byte blocks, decodes replies, maps status bytes to exceptions (§D.6), retries WAIT with the
 * {@link WaitBackoff} strategy, and checks GETLASTRWSTATUS(2) after every memory transfer (§D.7).
 * It enforces the firmware's limits and feature gates but never splits transfers: that is
 * {@link StLinkMemoryAccess}'s job.
 */
public final class StLinkProtocol {

    /** GET_CURRENT_MODE values (facts §D.3). */
    public static final int MODE_DFU = 0, MODE_MASS = 1, MODE_DEBUG = 2, MODE_SWIM = 3, MODE_BOOTLOADER = 4;

    private final StLinkChannel channel;
    private final WaitBackoff backoff;
    private final TraceSink trace;
    private StLinkVersion version;
    /** ENTER chose JTAG: hints name the JTAG wires. */
    private boolean jtag;

    public StLinkProtocol(StLinkChannel channel, WaitBackoff backoff, TraceSink trace) {
        this.channel = Objects.requireNonNull(channel, "'channel' must not be null");
        this.backoff = Objects.requireNonNull(backoff, "'backoff' must not be null");
        this.trace = Objects.requireNonNull(trace, "'trace' must not be null");
    }

    public StLinkChannel channel() {
        return channel;
    }

    /** GET_VERSION, followed by GET_VERSION_EX on a V3 (facts §D.5). V1 probes are refused. */
    public StLinkVersion readVersion() {
        StLinkVersion v = StLinkVersion.decode(send("GET_VERSION", of(GET_VERSION).bytes(), null, 6));
        if (v.hardware() == 1) {
            throw new TargetCommunicationException("ST-Link V1 (" + v.label() + ") speaks SCSI-wrapped commands,"
                    + " which blueflash does not support; use an ST-Link V2, V2-1 or V3");
        }
        if (v.isV3()) {
            v = v.withExtended(send("GET_VERSION_EX", of(GET_VERSION_EX).bytes(), null, 12));
        }
        version = v;
        return v;
    }

    /** The version read by {@link #readVersion()}. */
    public StLinkVersion version() {
        if (version == null) {
            throw new IllegalStateException("readVersion() must come first");
        }
        return version;
    }

    /** GET_CURRENT_MODE: {@link #MODE_DFU}, {@link #MODE_MASS}, {@link #MODE_DEBUG}, ... */
    public int currentMode() {
        return send("GET_CURRENT_MODE", of(GET_CURRENT_MODE).bytes(), null, 2)[0] & 0xFF;
    }

    /**
     * Leaves whatever mode the probe is in so that ENTER_SWD starts clean (OpenOCD
     * {@code stlink_usb_mode_leave}): DFU_EXIT, DEBUG EXIT or SWIM EXIT; mass storage needs nothing.
     */
    public void leaveMode(int mode) {
        switch (mode) {
            case MODE_DFU -> send("DFU_EXIT", of(DFU_COMMAND, DFU_EXIT).bytes(), null, 0);
            case MODE_DEBUG -> exitDebug();
            case MODE_SWIM -> send("SWIM_EXIT", of(SWIM_COMMAND, SWIM_EXIT).bytes(), null, 0);
            default -> { }
        }
    }

    /** DEBUG EXIT: back to mass-storage mode (what st-flash sends before closing). */
    public void exitDebug() {
        send("EXIT", debug(EXIT).bytes(), null, 0);
    }

    /** APIV2_ENTER with SWD (facts §D.4). */
    public void enterSwd() {
        jtag = false;
        checked("ENTER_SWD", debug(APIV2_ENTER).u8(ENTER_SWD).bytes(), 2);
    }

    /** APIV2_ENTER with JTAG, NRST left alone: the probe scans the JTAG-DP instead of speaking SWD. */
    public void enterJtag() {
        jtag = true;
        checked("ENTER_JTAG", debug(APIV2_ENTER).u8(ENTER_JTAG_NO_RESET).bytes(), 2);
    }

    /**
     * Sets the JTAG clock (TCK) to the closest supported value: V3 through SET_COM_FREQ in JTAG mode,
     * V2 (J24 on) through JTAG_SET_FREQ's divisor.
     *
     * @return the choice made, or {@code null} when this firmware cannot set it
     */
    public SwdFrequency.Choice setJtagFrequency(int requestedKhz) {
        StLinkVersion v = version();
        if (v.hasComFrequency()) {
            return setComFrequency(COM_MODE_JTAG, requestedKhz);
        }
        if (v.hasJtagSetFrequency()) {
            SwdFrequency.Choice choice = SwdFrequency.forV2Jtag(requestedKhz);
            checked("JTAG_SET_FREQ", debug(APIV2_JTAG_SET_FREQ).u16(choice.setting()).bytes(), 2);
            return choice;
        }
        return null;
    }

    /** V3: the clocks GET_COM_FREQ lists for {@code mode} (SWD 0, JTAG 1), then SET_COM_FREQ with the closest. */
    private SwdFrequency.Choice setComFrequency(int mode, int requestedKhz) {
        byte[] reply = checked("GET_COM_FREQ", debug(APIV3_GET_COM_FREQ).u8(mode).bytes(), 52);
        int count = Math.min(10, reply[8] & 0xFF);
        List<Integer> offered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            offered.add(u32At(reply, 12 + 4 * i));
        }
        SwdFrequency.Choice choice = SwdFrequency.forV3(requestedKhz, offered);
        checked("SET_COM_FREQ", debug(APIV3_SET_COM_FREQ).u8(mode).u8(0).u32(choice.khz()).bytes(), 8);
        return choice;
    }

    /** INIT_AP, required before AP use from J28 (facts §D.5). */
    public void initAp(int ap) {
        if (version().needsInitAp()) {
            checked("INIT_AP", debug(APIV2_INIT_AP).u8(ap).bytes(), 2);
        }
    }

    /**
     * Sets the SWD clock to the closest supported value (facts §D.8).
     *
     * @return the choice made, or {@code null} when this firmware cannot set the clock (V2 before
     *         J22): the probe keeps its default of 1800 kHz
     */
    public SwdFrequency.Choice setSwdFrequency(int requestedKhz) {
        StLinkVersion v = version();
        if (v.hasComFrequency()) {
            return setComFrequency(COM_MODE_SWD, requestedKhz);
        }
        if (v.hasSwdSetFrequency()) {
            SwdFrequency.Choice choice = SwdFrequency.forV2(requestedKhz);
            checked("SWD_SET_FREQ", debug(APIV2_SWD_SET_FREQ).u16(choice.setting()).bytes(), 2);
            return choice;
        }
        return null;
    }

    /**
     * Target supply voltage in volts: 2 × 1.2 V × target / reference (facts §D.9), or
     * {@link Double#NaN} when the firmware cannot measure (before J13) or a reading is zero.
     */
    public double targetVoltage() {
        if (!version().hasTargetVoltage()) {
            return Double.NaN;
        }
        byte[] reply = send("GET_TARGET_VOLTAGE", of(GET_TARGET_VOLTAGE).bytes(), null, 8);
        long reference = Integer.toUnsignedLong(u32At(reply, 0));
        long target = Integer.toUnsignedLong(u32At(reply, 4));
        return reference == 0 || target == 0 ? Double.NaN : 2.0 * 1.2 * target / reference;
    }

    /** READ_IDCODES: the SW-DP's DPIDR (facts §D.4). */
    public int readIdCode() {
        return u32At(checked("READ_IDCODES", debug(APIV2_READ_IDCODES).bytes(), 12), 4);
    }

    /** DRIVE_NRST: {@link StLinkCommand#NRST_LOW}, {@link StLinkCommand#NRST_HIGH} or {@link StLinkCommand#NRST_PULSE}. */
    public void driveNrst(int how) {
        checked("DRIVE_NRST", debug(APIV2_DRIVE_NRST).u8(how).bytes(), 2);
    }

    /** RESETSYS: the probe's own system reset of the target. */
    public void resetSys() {
        checked("RESETSYS", debug(APIV2_RESETSYS).bytes(), 2);
    }

    /** READDEBUGREG (0x36): one 32-bit read anywhere, status inline. */
    public int readDebugRegister(int address) {
        byte[] reply = withWaitRetry(() -> send("READDEBUGREG", debug(APIV2_READDEBUGREG).u32(address).bytes(), null, 8));
        checkStatus(reply[0], "READDEBUGREG", address);
        return u32At(reply, 4);
    }

    /** WRITEDEBUGREG (0x35): one 32-bit write anywhere, status inline. */
    public void writeDebugRegister(int address, int value) {
        byte[] reply = withWaitRetry(() -> send("WRITEDEBUGREG",
                debug(APIV2_WRITEDEBUGREG).u32(address).u32(value).bytes(), null, 2));
        checkStatus(reply[0], "WRITEDEBUGREG", address);
    }

    /** READREG: core register by DCRSR REGSEL number (facts §C.6). */
    public int readCoreRegister(int regsel) {
        return u32At(checked("READREG", debug(APIV2_READREG).u8(regsel).bytes(), 8), 4);
    }

    /** WRITEREG: core register by DCRSR REGSEL number. */
    public void writeCoreRegister(int regsel, int value) {
        checked("WRITEREG", debug(APIV2_WRITEREG).u8(regsel).u32(value).bytes(), 2);
    }

    /** READ_DAP_REG (J24+): {@code port} = AP number or {@link StLinkCommand#DAP_PORT_DP}. */
    public int readDapRegister(int port, int address) {
        requireDap();
        return u32At(checkedDap("READ_DAP_REG", port, address, debug(APIV2_READ_DAP_REG).u16(port).u16(address).bytes(), 8), 4);
    }

    /** WRITE_DAP_REG (J24+). */
    public void writeDapRegister(int port, int address, int value) {
        requireDap();
        checkedDap("WRITE_DAP_REG", port, address, debug(APIV2_WRITE_DAP_REG).u16(port).u16(address).u32(value).bytes(), 2);
    }

    /** DAP register commands report FAULT-kind statuses as the port's {@link DapFaultException} (sticky error set). */
    private byte[] checkedDap(String what, int port, int address, byte[] command, int replyLength) {
        byte[] reply = withWaitRetry(() -> send(what, command, null, replyLength));
        int status = reply[0] & 0xFF;
        StLinkStatus known = StLinkStatus.fromCode(status);
        if (known != null && known.kind() == StLinkStatus.Kind.FAULT) {
            throw new DapFaultException(String.format("%s %s register 0x%02X answered %s", what,
                    port == DAP_PORT_DP ? "DP" : "AP " + port, address, StLinkStatus.describe(status)));
        }
        checkStatus(reply[0], what, -1);
        return reply;
    }

    private void requireDap() {
        if (!version().hasDapRegisters()) {
            throw new UnsupportedOperationException("ST-Link firmware " + version().label()
                    + " has no DAP register commands (needs V2J24 or later)");
        }
    }

    /**
     * One READMEM command of {@code width} followed by the read/write status check. Limits
     * (facts §D.7): word and half-word transfers ≤ 6144 bytes and aligned to their width,
     * byte transfers ≤ {@link StLinkVersion#maxByteTransfer()}.
     */
    public byte[] readMemory(AccessWidth width, int address, int length) {
        checkTransfer(width, address, length, false);
        int code = readCode(width);
        int replyLength = width == AccessWidth.BYTE && length == 1 ? 2 : length;
        return withWaitRetry(() -> {
            byte[] reply = send(debugName(code), debug(code).u32(address).u16(length).bytes(), null, replyLength);
            checkRwStatus(debugName(code), address, length);
            return replyLength == length ? reply : java.util.Arrays.copyOf(reply, length);
        });
    }

    /** One WRITEMEM command of {@code width} with its data phase, then the status check. */
    public void writeMemory(AccessWidth width, int address, byte[] data) {
        checkTransfer(width, address, data.length, true);
        int code = writeCode(width);
        withWaitRetry(() -> {
            send(debugName(code), debug(code).u32(address).u16(data.length).bytes(), data, 0);
            checkRwStatus(debugName(code), address, data.length);
            return null;
        });
    }

    /** Largest single transfer of {@code width} this firmware accepts. */
    public int maxTransfer(AccessWidth width) {
        return width == AccessWidth.BYTE ? version().maxByteTransfer() : StLinkVersion.MAX_WORD_TRANSFER;
    }

    private void checkTransfer(AccessWidth width, int address, int length, boolean write) {
        if (length <= 0 || length > maxTransfer(width)) {
            throw new IllegalArgumentException(String.format("%s transfer of %d bytes at 0x%08X: ST-Link %s allows 1..%d",
                    width, length, address, version().label(), maxTransfer(width)));
        }
        if (!width.isAligned(Integer.toUnsignedLong(address)) || length % width.bytes() != 0) {
            throw new IllegalArgumentException(String.format(
                    "%s transfer at 0x%08X of %d bytes is not %d-byte aligned",
                    width, address, length, width.bytes()));
        }
        if (width == AccessWidth.HALFWORD && !version().has16BitMemory()) {
            throw new HalfWordAccessUnsupportedException(version(), address, write);
        }
    }

    private static int readCode(AccessWidth width) {
        return switch (width) {
            case BYTE -> READMEM_8BIT;
            case HALFWORD -> READMEM_16BIT;
            case WORD -> READMEM_32BIT;
        };
    }

    private static int writeCode(AccessWidth width) {
        return switch (width) {
            case BYTE -> WRITEMEM_8BIT;
            case HALFWORD -> WRITEMEM_16BIT;
            case WORD -> WRITEMEM_32BIT;
        };
    }

    /** GETLASTRWSTATUS2 (J15+, with the fault address) or GETLASTRWSTATUS after a transfer. */
    private void checkRwStatus(String what, int address, int length) {
        int status;
        int faultAddress;
        if (version().hasRwStatus2()) {
            byte[] reply = send("GETLASTRWSTATUS2", debug(APIV2_GETLASTRWSTATUS2).bytes(), null, 12);
            status = reply[0] & 0xFF;
            faultAddress = u32At(reply, 4);
        } else {
            status = send("GETLASTRWSTATUS", debug(APIV2_GETLASTRWSTATUS).bytes(), null, 2)[0] & 0xFF;
            faultAddress = address;
        }
        StLinkStatus known = StLinkStatus.fromCode(status);
        if (known != null && known.kind() == StLinkStatus.Kind.FAULT) {
            throw new MemoryFaultException(faultAddress, String.format(
                    "bus fault at 0x%08X during %s of %d bytes at 0x%08X (ST-Link status %s): the address is"
                            + " unmapped, read-protected, or was written with a width the target refuses",
                    faultAddress, what, length, address, StLinkStatus.describe(status)));
        }
        checkStatus((byte) status, what, address);
    }

    private byte[] checked(String what, byte[] command, int replyLength) {
        byte[] reply = withWaitRetry(() -> send(what, command, null, replyLength));
        checkStatus(reply[0], what, -1);
        return reply;
    }

    /** Maps a status byte to an exception; FAULT-kind statuses become {@link MemoryFaultException} at {@code address}. */
    private void checkStatus(byte statusByte, String what, int address) {
        int status = statusByte & 0xFF;
        StLinkStatus known = StLinkStatus.fromCode(status);
        StLinkStatus.Kind kind = known == null ? StLinkStatus.Kind.ERROR : known.kind();
        switch (kind) {
            case OK -> { }
            case WAIT -> throw new StLinkWaitException(status, what + " answered " + StLinkStatus.describe(status));
            case FAULT -> {
                if (address != -1) {
                    throw new MemoryFaultException(address, String.format("bus fault at 0x%08X during %s (ST-Link status %s)",
                            address, what, StLinkStatus.describe(status)));
                }
                throw new StLinkStatusException(status, what + " failed: " + StLinkStatus.describe(status));
            }
            case ERROR -> throw new StLinkStatusException(status, what + " failed: " + StLinkStatus.describe(status)
                    + hint(known));
        }
    }

    private String hint(StLinkStatus status) {
        if (status == StLinkStatus.UNKNOWN_COMMAND) {
            return "; the probe firmware " + (version == null ? "" : version.label() + " ")
                    + "is too old for it: upgrade it with ST's STSW-LINK007";
        }
        if (status == StLinkStatus.NO_DEVICE_CONNECTED || status == StLinkStatus.GET_IDCODE_ERROR
                || status == StLinkStatus.SWD_DP_ERROR || status == StLinkStatus.SWD_DP_FAULT) {
            return jtag ? "; check the TMS/TCK/TDI/TDO/GND wiring (20-pin JTAG header) and the target's power, or try "
                    + "--connect-under-reset (firmware may have given the JTAG pins to GPIO: AFIO_MAPR.SWJ_CFG, RM0008 §9.3.5)"
                    : "; check the SWDIO/SWCLK/GND wiring and the target's power, or try --connect-under-reset";
        }
        return "";
    }

    private <T> T withWaitRetry(Supplier<T> operation) {
        for (int attempt = 0; ; attempt++) {
            try {
                return operation.get();
            } catch (StLinkWaitException wait) {
                if (attempt >= WaitBackoff.MAX_RETRIES) {
                    throw new DapWaitTimeoutException(wait.getMessage() + " " + (attempt + 1)
                            + " times in a row: the target's bus stays busy (flash operation, low-power mode);"
                            + " retry, lower --freq, or use --connect-under-reset");
                }
                backoff.pause(attempt + 1);
            }
        }
    }

    private byte[] send(String what, byte[] command, byte[] dataOut, int replyLength) {
        byte[] reply = channel.transfer(command, dataOut, replyLength);
        if (reply == null || reply.length != replyLength) {
            throw new TargetCommunicationException(String.format("ST-Link %s: expected a %d-byte reply, got %s",
                    what, replyLength, reply == null ? "none" : reply.length + " bytes"));
        }
        trace.trace("usb", channel.simulatedNanos().orElse(-1), what
                + (dataOut == null ? "" : " +" + dataOut.length + " bytes out")
                + (replyLength == 0 ? "" : " -> " + replyLength + " bytes"));
        return reply;
    }
}
