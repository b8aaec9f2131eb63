package io.blueflash.sim.jtag;

import io.blueflash.sim.trace.SwdAck;
import io.blueflash.sim.debug.SwdResponse;
import io.blueflash.sim.debug.SwdTransactionPort;

/**
 * The ARM JTAG-DP of the STM32F1's SWJ-DP (facts §C.5: JTAG TAP ID 0x3BA00477), a 4-bit IR
 * (ABORT 0x8, DPACC 0xA, APACC 0xB, IDCODE 0xE, BYPASS 0xF; others act as BYPASS) in front of the
 * same DP/AP model the SW-DP uses ({@link SwdTransactionPort}).
 *
 * <p>DPACC/APACC scans are 35 bits (ADIv5 JTAG-DP): shifted in, bit 0 is RnW (1 = read),
 * bits 2:1 are A[3:2] and bits 34:3 the data; captured, bits 2:0 are the ACK and bits 34:3 the
 * result of the <em>previous</em> access. JTAG ACKs differ from SWD's: OK/FAULT = 0b010 (a fault is
 * only visible in CTRL/STAT.STICKYERR), WAIT = 0b001 (the access is still in progress; the request
 * shifted in with it is ignored). Differences from the SW-DP that this bridge translates:
 * <ul>
 *   <li>Every read is posted: an APACC read is completed here with an SW-DP RDBUFF read (facts §C.3)
 *       so its value is ready for the next capture; RDBUFF read through DPACC reads as zero.</li>
 *   <li>Sticky flags are cleared by writing 1 to them in CTRL/STAT (STICKYORUN b1, STICKYCMP b4,
 *       STICKYERR b5); the SW-DP model clears them through ABORT (facts §C.2), so such a write is
 *       preceded by the matching ABORT write (the SW-DP refuses CTRL/STAT writes while a flag is set).
 *       ABORT itself is reached through the ABORT instruction.</li>
 *   <li>A new client session ({@link #startSession()}) finds the DP as after power-up: no sticky flag
 *       and no access pending, so one session's bus fault does not leak into the next.</li>
 * </ul>
 * Timing: the scans' TCK cycles are what an access costs ({@link TckClock}); give this DP the
 * SW-DP's wire-free view ({@code SwDebugPort.withoutWireCost()}) so no SWD bits are charged on top.
 * Not modelled: CTRL/STAT.ORUNDETECT overrun detection.
 */
public final class ArmJtagDp implements JtagTap {

    public static final int IDCODE_STM32F1 = 0x3BA0_0477;
    public static final int IR_ABORT = 0x8;
    public static final int IR_DPACC = 0xA;
    public static final int IR_APACC = 0xB;
    public static final int IR_IDCODE = 0xE;
    public static final int IR_BYPASS = 0xF;
    public static final int ACK_OK_FAULT = 0b010;
    public static final int ACK_WAIT = 0b001;

    private static final int DP_ABORT = 0x0;
    private static final int DP_CTRL_STAT = 0x4;
    private static final int DP_RDBUFF = 0xC;
    private static final int STICKYORUN = 1 << 1;
    private static final int STICKYCMP = 1 << 4;
    private static final int STICKYERR = 1 << 5;
    private static final int STKCMPCLR = 1 << 1;
    private static final int STKERRCLR = 1 << 2;
    private static final int WDERRCLR = 1 << 3;
    private static final int ORUNERRCLR = 1 << 4;

    private final SwdTransactionPort swd;
    private final int idcode;
    private boolean dpSelected;
    private Access pending;
    private int lastResult;
    private boolean lastCaptureWasWait;

    public ArmJtagDp(SwdTransactionPort swd, int idcode) {
        if (swd == null) {
            throw new IllegalArgumentException("'swd' must not be null");
        }
        this.swd = swd;
        this.idcode = idcode;
    }

    public ArmJtagDp(SwdTransactionPort swd) {
        this(swd, IDCODE_STM32F1);
    }

    /** One DPACC/APACC request as shifted in. */
    private record Access(boolean ap, boolean read, int address, int data, boolean rdbuffOnly) {
    }

    @Override
    public int irLength() {
        return 4;
    }

    @Override
    public int irCapture() {
        return 0b0001;
    }

    @Override
    public int resetInstruction() {
        return IR_IDCODE;
    }

    @Override
    public int drLength(int instruction) {
        return switch (instruction) {
            case IR_ABORT, IR_DPACC, IR_APACC -> 35;
            case IR_IDCODE -> 32;
            default -> 1;
        };
    }

    @Override
    public long captureDr(int instruction) {
        return switch (instruction) {
            case IR_DPACC, IR_APACC -> captureAccess();
            case IR_IDCODE -> Integer.toUnsignedLong(idcode);
            default -> 0; // BYPASS captures 0; ABORT's capture is UNKNOWN in ADIv5
        };
    }

    @Override
    public void updateDr(int instruction, long value) {
        int data = (int) (value >>> 3);
        int low = (int) (value & 0b111);
        switch (instruction) {
            case IR_ABORT -> {
                if (low == 0) {
                    ensureSelected();
                    swd.write(false, DP_ABORT, data);
                    pending = null; // DAPABORT ends an access stuck in WAIT
                }
            }
            case IR_DPACC, IR_APACC -> {
                if (!lastCaptureWasWait) {
                    run(new Access(instruction == IR_APACC, (low & 1) != 0, (low >>> 1) << 2, data, false));
                }
            }
            default -> {
                // IDCODE and BYPASS: nothing to update
            }
        }
    }

    @Override
    public void reset() {
        pending = null;
        lastCaptureWasWait = false;
    }

    /**
     * A new remote_bitbang client: clears every sticky flag (ABORT STKCMPCLR, STKERRCLR, WDERRCLR,
     * ORUNERRCLR) and forgets the previous client's pending access and posted result.
     */
    @Override
    public void startSession() {
        reset();
        lastResult = 0;
        dpSelected = false;
        ensureSelected();
        swd.write(false, DP_ABORT, STKCMPCLR | STKERRCLR | WDERRCLR | ORUNERRCLR);
    }

    private long captureAccess() {
        if (pending != null) {
            Access retry = pending;
            pending = null;
            run(retry);
        }
        lastCaptureWasWait = pending != null;
        if (lastCaptureWasWait) {
            return ACK_WAIT;
        }
        return Integer.toUnsignedLong(lastResult) << 3 | ACK_OK_FAULT;
    }

    private void run(Access access) {
        ensureSelected();
        if (!access.ap()) {
            runDp(access);
        } else if (access.read()) {
            if (!access.rdbuffOnly()) {
                SwdResponse posted = swd.read(true, access.address());
                if (!settle(access, posted)) {
                    return;
                }
            }
            settle(new Access(true, true, access.address(), 0, true), swd.read(false, DP_RDBUFF));
        } else {
            settle(access, swd.write(true, access.address(), access.data()));
        }
    }

    private void runDp(Access access) {
        int address = access.address();
        if (access.read()) {
            if (address == DP_RDBUFF) {
                lastResult = 0; // JTAG-DP: RDBUFF reads as zero, the capture already carries results
                return;
            }
            settle(access, swd.read(false, address));
        } else if (address == DP_CTRL_STAT) {
            int value = access.data();
            int clear = ((value & STICKYORUN) != 0 ? ORUNERRCLR : 0)
                    | ((value & STICKYCMP) != 0 ? STKCMPCLR : 0)
                    | ((value & STICKYERR) != 0 ? STKERRCLR : 0);
            if (clear != 0) {
                // first: the SW-DP model answers FAULT to a CTRL/STAT write while a sticky flag is set
                swd.write(false, DP_ABORT, clear);
            }
            settle(access, swd.write(false, DP_CTRL_STAT, value & ~(STICKYORUN | STICKYCMP | STICKYERR)));
        } else if (address != DP_ABORT) {
            settle(access, swd.write(false, address, access.data()));
        }
        // DPACC write to 0x0 is reserved on a JTAG-DP: ABORT has its own instruction.
    }

    /** Records the outcome; returns true when the access completed with OK. */
    private boolean settle(Access access, SwdResponse response) {
        SwdAck ack = response.ack();
        switch (ack) {
            case OK -> {
                if (access.read()) {
                    lastResult = response.data();
                }
                return true;
            }
            case WAIT -> pending = access;
            case FAULT -> lastResult = 0; // visible to the host as CTRL/STAT.STICKYERR
            case NO_RESPONSE -> {
                lastResult = 0;
                dpSelected = false;
            }
        }
        return false;
    }

    /** The SWJ-DP answers JTAG here; the shared DP model wants the reset-then-DPIDR entry first (facts §C.1). */
    private void ensureSelected() {
        if (!dpSelected) {
            swd.lineReset();
            dpSelected = swd.read(false, 0x0).isOk();
        }
    }
}
