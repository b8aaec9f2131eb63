package io.blueflash.sim.debug;

import io.blueflash.sim.trace.SwdAck;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTracer;

/**
 * The SWDIO/SWCLK wire of the SWJ-DP, one clock cycle per {@link #clock(boolean)} call, on top of
 * the transaction-level {@link SwDebugPort} (facts §C.1). Each cycle costs one SWD bit period.
 *
 * <ul>
 * <li>The SWJ-DP powers up in JTAG mode: SWD requests are ignored until ≥50 ones, the 16-bit
 *     select value 0xE79E (LSB first) and a line reset. 0xE73C switches back to JTAG.</li>
 * <li>Line reset: ≥50 host cycles with SWDIO high followed by a low cycle; then only a DPIDR read
 *     is answered.</li>
 * <li>Request: start 1, APnDP, RnW, A[2], A[3], even parity over those four, stop 0, park 1. A
 *     malformed request or parity error is a protocol error: the target does not drive the line
 *     (the host reads ACK 0b111) and ignores everything until the next line reset.</li>
 * <li>Then one turnaround, a 3-bit ACK (LSB first). Read OK: 32 data bits + even parity, turnaround.
 *     Write OK: turnaround, 32 data + parity from the host; a parity error sets WDATAERR and the
 *     write is dropped. WAIT/FAULT: turnaround and back to idle (with CTRL/STAT.ORUNDETECT the data
 *     phase still takes place). No response: the target stays silent until a line reset.</li>
 * <li>Fault injection can send read data with a wrong parity bit (the host must retry, e.g. with RESEND).</li>
 * <li>Cycles nobody drives (turnarounds, a silent target) read 1: SWDIO is pulled up.</li>
 * </ul>
 */
public final class SwdLine {

    private static final int JTAG_TO_SWD = 0xE79E;
    private static final int SWD_TO_JTAG = 0xE73C;

    private enum Phase { IDLE, REQUEST, TURNAROUND_TO_TARGET, ACK, READ_DATA, TURNAROUND_TO_HOST, WRITE_TURNAROUND,
        WRITE_DATA, LOCKOUT }

    private final SwDebugPort port;
    private final SimClock clock;
    private final SimTracer tracer;
    private boolean swdSelected;
    private int onesRun;
    private int selectBits;
    private int selectCount = -1;
    private Phase phase = Phase.IDLE;
    private int bitIndex;
    private int request;
    private boolean ap;
    private boolean read;
    private int address;
    private SwdAck ack;
    private long shift;
    private long received;

    public SwdLine(SwDebugPort port, SimClock clock, SimTracer tracer) {
        this.port = port;
        this.clock = clock;
        this.tracer = tracer;
    }

    /** Power-on: back in JTAG mode, idle. */
    public void powerOnReset() {
        swdSelected = false;
        onesRun = 0;
        selectCount = -1;
        phase = Phase.IDLE;
    }

    public boolean isSwdSelected() {
        return swdSelected;
    }

    /**
     * One SWCLK cycle.
     *
     * @param hostBit what the host drives on SWDIO (ignored in cycles the target drives)
     * @return the SWDIO level during this cycle: the target's bit when it drives, 1 when nobody
     *         drives, otherwise the host's own bit
     */
    public boolean clock(boolean hostBit) {
        port.chargeBits(1);
        return switch (phase) {
            case TURNAROUND_TO_TARGET -> {
                onesRun = 0;
                phase = Phase.ACK;
                bitIndex = 0;
                yield true;
            }
            case ACK -> ackCycle();
            case READ_DATA -> readDataCycle();
            case TURNAROUND_TO_HOST -> {
                onesRun = 0;
                phase = Phase.IDLE;
                yield true;
            }
            case WRITE_TURNAROUND -> {
                onesRun = 0;
                phase = Phase.WRITE_DATA;
                bitIndex = 0;
                received = 0;
                yield true;
            }
            default -> {
                hostCycle(hostBit);
                yield hostBit;
            }
        };
    }

    private boolean ackCycle() {
        onesRun = 0;
        boolean bit = (ack.bits() >>> bitIndex & 1) != 0;
        if (++bitIndex == 3) {
            afterAck();
        }
        return bit;
    }

    private void afterAck() {
        bitIndex = 0;
        switch (ack) {
            case OK -> {
                if (read) {
                    int data;
                    if (ap) {
                        port.traceTransaction(true, true, address, ack, port.postedReadValue());
                        data = port.performRead(true, address);
                    } else {
                        data = port.performRead(false, address);
                        port.traceTransaction(false, true, address, ack, data);
                    }
                    long parity = (Integer.bitCount(data) & 1) ^ (port.takeParityCorruption() ? 1 : 0);
                    shift = Integer.toUnsignedLong(data) | parity << 32;
                    phase = Phase.READ_DATA;
                } else {
                    phase = Phase.WRITE_TURNAROUND;
                }
            }
            case WAIT, FAULT -> {
                port.traceTransaction(ap, read, address, ack, 0);
                if (port.overrunDetect()) {
                    shift = 0;
                    phase = read ? Phase.READ_DATA : Phase.WRITE_TURNAROUND;
                    ack = read ? ack : SwdAck.NO_RESPONSE; // a write's data phase is then ignored
                } else {
                    phase = Phase.TURNAROUND_TO_HOST;
                }
            }
            case NO_RESPONSE -> {
                line("no response: the target stays silent until a line reset");
                phase = Phase.LOCKOUT;
            }
        }
    }

    private boolean readDataCycle() {
        onesRun = 0;
        boolean bit = (shift >>> bitIndex & 1) != 0;
        if (++bitIndex == 33) {
            phase = Phase.TURNAROUND_TO_HOST;
        }
        return bit;
    }

    private void hostCycle(boolean bit) {
        trackSequences(bit);
        switch (phase) {
            case IDLE -> {
                if (bit && swdSelected) {
                    phase = Phase.REQUEST;
                    request = 1;
                    bitIndex = 1;
                }
            }
            case REQUEST -> {
                request |= (bit ? 1 : 0) << bitIndex;
                if (++bitIndex == 8) {
                    decodeRequest();
                }
            }
            case WRITE_DATA -> {
                received |= (bit ? 1L : 0L) << bitIndex;
                if (++bitIndex == 33) {
                    finishWrite();
                }
            }
            default -> { } // LOCKOUT: ignore
        }
    }

    private void decodeRequest() {
        boolean start = (request & 1) != 0;
        boolean stop = (request >>> 6 & 1) != 0;
        boolean park = (request >>> 7 & 1) != 0;
        int payload = request >>> 1 & 0xF;
        boolean parity = (request >>> 5 & 1) != 0;
        if (!start || stop || !park || parity != ((Integer.bitCount(payload) & 1) != 0)) {
            line(String.format("protocol error: bad request 0x%02X (parity, stop or park); silent until line reset", request));
            phase = Phase.LOCKOUT;
            return;
        }
        ap = (payload & 1) != 0;
        read = (payload & 2) != 0;
        address = (payload >>> 2 & 3) << 2;
        ack = port.admit(ap, read, address);
        phase = Phase.TURNAROUND_TO_TARGET;
    }

    private void finishWrite() {
        phase = Phase.IDLE;
        if (ack != SwdAck.OK) {
            return; // overrun-detect data phase after WAIT/FAULT: data ignored
        }
        int data = (int) received;
        boolean parity = (received >>> 32 & 1) != 0;
        if (parity != ((Integer.bitCount(data) & 1) != 0)) {
            port.writeDataParityError();
            line(String.format("write data parity error (0x%08X): WDATAERR, write dropped", data));
            return;
        }
        port.traceTransaction(ap, false, address, ack, data);
        port.performWrite(ap, address, data);
    }

    /** Line reset (≥50 ones then a 0) and the SWJ select sequences. */
    private void trackSequences(boolean bit) {
        if (selectCount >= 0) {
            selectBits |= (bit ? 1 : 0) << selectCount;
            if (++selectCount == 16) {
                if (selectBits == JTAG_TO_SWD && !swdSelected) {
                    swdSelected = true;
                    line("JTAG-to-SWD select sequence 0xE79E: SWD selected");
                } else if (selectBits == SWD_TO_JTAG && swdSelected) {
                    swdSelected = false;
                    line("SWD-to-JTAG select sequence 0xE73C: JTAG selected");
                }
                selectCount = -1;
            }
        }
        if (bit) {
            onesRun++;
            return;
        }
        if (onesRun >= 50) {
            selectBits = 0;
            selectCount = 1; // this 0 is the first bit of a possible select sequence
            if (swdSelected) {
                phase = Phase.IDLE;
                port.lineResetUncharged();
            }
        }
        onesRun = 0;
    }

    private void line(String text) {
        tracer.emit(() -> new SimTraceEvent.SwdLineEvent(clock.nanos(), text));
    }
}
