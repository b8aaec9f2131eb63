package io.blueflash.sim.debug;

import io.blueflash.sim.trace.SwdAck;
import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTracer;

/**
 * The SW-DP (DPv1) of the STM32F1 at transaction level (facts §C.1–§C.3), with the AHB-AP behind it.
 *
 * <ul>
 * <li>Cost: every transaction advances the clock by its bits at the SWD frequency (facts §C.1):
 *     request 8 + turnaround 1 + ACK 3 + data 33 + turnaround 1, plus the host's idle cycles
 *     (default 2); a WAIT/FAULT answer costs 8 + 1 + 3 + 1 (plus the data phase when ORUNDETECT is
 *     set). A line reset costs 50 ones + 2 idle.</li>
 * <li>After a line reset (and at power-up) only a DPIDR read is answered; anything else gets no
 *     response (the line stays high, ACK 0b111) until DPIDR has been read.</li>
 * <li>Sticky errors (STICKYERR, STICKYCMP, STICKYORUN, WDATAERR) make every transaction except a
 *     DPIDR read, a CTRL/STAT read and an ABORT write answer FAULT until ABORT clears them (§C.2).</li>
 * <li>AP reads are posted: each returns the previous AP read's value; RDBUFF returns the last one
 *     without side effects; RESEND repeats the last read data (§C.3).</li>
 * <li>CTRL/STAT: CDBGPWRUPACK, CSYSPWRUPACK and CDBGRSTACK follow their request bits at once. An AP
 *     access before CDBGPWRUPREQ is set fails like an AHB error (STICKYERR).</li>
 * <li>WAIT: by default AP accesses complete within the transaction; a flash access that meets BSY
 *     stalls and the stall is added to the simulated time instead of being answered WAIT
 *     (cycle-approximate choice; facts §G). With {@link #setWaitWhileBusStalls(boolean)} the DP
 *     instead answers WAIT to a DRW/BD access whose bus transfer would stall, until BSY clears, as a
 *     raw-SWD host would see on silicon whose AP runs out of patience (facts §G). WAIT storms come
 *     from fault injection.</li>
 * <li>Only AP #0 (the AHB-AP) exists; other APSEL values read 0 and ignore writes.</li>
 * <li>The SWJ pins ({@link Host#swjConfig()}, AFIO_MAPR.SWJ_CFG, RM0008 §9.3.5): a port whose pins went to
 *     GPIO hears nothing, so its requests, line resets included, change nothing and get no response —
 *     SWD requests when SWJ_CFG is 100, the JTAG-DP's ({@link #withoutWireCost()}) when it is 010 or 100.</li>
 * </ul>
 */
public final class SwDebugPort implements SwdTransactionPort {

    /** What the rest of the chip provides to its debug port. */
    public interface Host {
        boolean powered();

        /** True when fault injection wants this transaction to answer WAIT (consumes one). */
        boolean takeInjectedWait();

        /** A debugger has requested debug power: the chip counts as "in debug mode" from now on. */
        void debugPowerRequested();

        /** True when fault injection wants this read's data parity corrupted on the wire (consumes one). */
        default boolean takeParityCorruption() {
            return false;
        }

        /** True when a bus access at {@code address} would stall now (flash busy with BSY). */
        default boolean busStalls(int address, boolean write) {
            return false;
        }

        /** Which ports have their pins now (AFIO_MAPR.SWJ_CFG; its reset value while NRST is held). */
        default SwjConfig swjConfig() {
            return SwjConfig.FULL_SWJ;
        }
    }

    /** The wire a request came over: SWDIO/SWCLK, or the JTAG-DP's scans. */
    private enum Wire { SWD, JTAG }

    public static final int ORUNDETECT = 1, STICKYORUN = 1 << 1, STICKYCMP = 1 << 4, STICKYERR = 1 << 5,
            READOK = 1 << 6, WDATAERR = 1 << 7, CDBGRSTREQ = 1 << 26, CDBGRSTACK = 1 << 27,
            CDBGPWRUPREQ = 1 << 28, CDBGPWRUPACK = 1 << 29, CSYSPWRUPREQ = 1 << 30, CSYSPWRUPACK = 1 << 31;
    public static final int ABORT_DAPABORT = 1, ABORT_STKCMPCLR = 1 << 1, ABORT_STKERRCLR = 1 << 2,
            ABORT_WDERRCLR = 1 << 3, ABORT_ORUNERRCLR = 1 << 4;
    private static final int CTRL_WRITABLE = ORUNDETECT | 0xC | 0xF00 | 0x3FF000 | CDBGRSTREQ | CDBGPWRUPREQ | CSYSPWRUPREQ;
    private static final int STICKY = STICKYORUN | STICKYCMP | STICKYERR | WDATAERR;

    private final int dpidr;
    private final AhbAccessPort ahbAp;
    private final SimClock clock;
    private final SimTracer tracer;
    private final Host host;
    private long frequencyHz = 4_000_000L;
    private int idleCycles = 2;
    private boolean waitWhileBusStalls;
    private long nanoRemainder;
    private boolean awaitingDpidr;
    private int control;
    private int sticky;
    private boolean readOk;
    private int select;
    private int readBuffer;
    private int lastReadData;

    public SwDebugPort(int dpidr, AhbAccessPort ahbAp, SimClock clock, SimTracer tracer, Host host) {
        this.dpidr = dpidr;
        this.ahbAp = ahbAp;
        this.clock = clock;
        this.tracer = tracer;
        this.host = host;
        powerOnReset();
    }

    public void powerOnReset() {
        awaitingDpidr = true;
        control = 0;
        sticky = 0;
        readOk = false;
        select = 0;
        readBuffer = 0;
        lastReadData = 0;
        ahbAp.reset();
    }

    public void setFrequencyHz(long hz) {
        if (hz <= 0) {
            throw new IllegalArgumentException("SWD frequency must be positive: " + hz + " Hz");
        }
        frequencyHz = hz;
    }

    public long frequencyHz() {
        return frequencyHz;
    }

    /** Idle cycles the host clocks after each transaction (what {@link #chargeBits} adds to every transaction). */
    public int idleCycles() {
        return idleCycles;
    }

    /** Idle cycles the host clocks after each transaction (BMP clocks 8, facts §C.1). */
    public void setIdleCycles(int cycles) {
        if (cycles < 0) {
            throw new IllegalArgumentException("'cycles' must not be negative: " + cycles);
        }
        idleCycles = cycles;
    }

    /** Answer WAIT (instead of stalling inside the transaction) while an AP bus transfer would stall. */
    public void setWaitWhileBusStalls(boolean wait) {
        waitWhileBusStalls = wait;
    }

    public AhbAccessPort ahbAp() {
        return ahbAp;
    }

    /** Advances the clock by {@code bits} SWD clock periods. */
    public void chargeBits(long bits) {
        long total = bits * 1_000_000_000L + nanoRemainder;
        clock.advance(total / frequencyHz);
        nanoRemainder = total % frequencyHz;
    }

    // ---------------------------------------------------------------- transaction level

    @Override
    public SwdResponse read(boolean ap, int address) {
        return read(ap, address, Wire.SWD);
    }

    private SwdResponse read(boolean ap, int address, Wire wire) {
        checkAddress(address);
        SwdAck ack = admit(ap, true, address, wire);
        if (wire == Wire.SWD) {
            chargeBits(bitsFor(ack) + idleCycles);
        }
        if (ack != SwdAck.OK) {
            trace(ap, true, address, ack, 0);
            return SwdResponse.of(ack);
        }
        if (ap) {
            // the wire carries the posted value; the bus read it starts comes after (trace order too)
            trace(true, true, address, ack, readBuffer);
            return SwdResponse.ok(performRead(true, address));
        }
        int data = performRead(false, address);
        trace(false, true, address, ack, data);
        return SwdResponse.ok(data);
    }

    @Override
    public SwdResponse write(boolean ap, int address, int value) {
        return write(ap, address, value, Wire.SWD);
    }

    private SwdResponse write(boolean ap, int address, int value, Wire wire) {
        checkAddress(address);
        SwdAck ack = admit(ap, false, address, wire);
        if (wire == Wire.SWD) {
            chargeBits(bitsFor(ack) + idleCycles);
        }
        trace(ap, false, address, ack, value);
        if (ack == SwdAck.OK) {
            performWrite(ap, address, value); // posted: a bus error shows as FAULT on a later transaction
        }
        return SwdResponse.of(ack);
    }

    @Override
    public void lineReset() {
        chargeBits(52);
        lineResetUncharged();
    }

    /**
     * The same DP and AP reached through another wire that prices its own clock cycles: the JTAG-DP
     * of the SWJ-DP, whose TCK cycles the JTAG front end charges. Its transactions cost no SWD bits;
     * what the AP spends on the bus (a stall on flash BSY) is still charged. It answers only while the
     * JTAG-DP has its pins ({@link Host#swjConfig()}).
     */
    public SwdTransactionPort withoutWireCost() {
        return new SwdTransactionPort() {
            @Override
            public SwdResponse read(boolean ap, int address) {
                return SwDebugPort.this.read(ap, address, Wire.JTAG);
            }

            @Override
            public SwdResponse write(boolean ap, int address, int value) {
                return SwDebugPort.this.write(ap, address, value, Wire.JTAG);
            }

            @Override
            public void lineReset() {
                if (host.swjConfig().jtagDpEnabled()) {
                    resetLine();
                }
            }
        };
    }

    private static void checkAddress(int address) {
        if ((address & ~0xC) != 0) {
            throw new IllegalArgumentException(String.format("A[3:2] address must be 0x0, 0x4, 0x8 or 0xC: 0x%X", address));
        }
    }

    private int bitsFor(SwdAck ack) {
        return switch (ack) {
            case OK -> 46;
            case WAIT, FAULT -> (control & ORUNDETECT) != 0 ? 46 : 13;
            case NO_RESPONSE -> 13;
        };
    }

    // ---------------------------------------------------------------- phases (shared with the bit-level line)

    /** A line reset on SWDIO/SWCLK: heard only while the SW-DP has those pins. */
    void lineResetUncharged() {
        if (host.swjConfig().swDpEnabled()) {
            resetLine();
        }
    }

    private void resetLine() {
        awaitingDpidr = true;
        tracer.emit(() -> new SimTraceEvent.SwdLineReset(clock.nanos()));
    }

    /** Decides the ACK of a request that came over SWDIO/SWCLK; consumes an injected WAIT. No side effect on registers. */
    SwdAck admit(boolean ap, boolean read, int address) {
        return admit(ap, read, address, Wire.SWD);
    }

    private SwdAck admit(boolean ap, boolean read, int address, Wire wire) {
        if (!host.powered() || !pinsRouted(wire)) {
            return SwdAck.NO_RESPONSE;
        }
        boolean dpidrRead = !ap && read && address == 0x0;
        if (awaitingDpidr && !dpidrRead) {
            return SwdAck.NO_RESPONSE;
        }
        if (host.takeInjectedWait()) {
            if ((control & ORUNDETECT) != 0) {
                sticky |= STICKYORUN;
            }
            return SwdAck.WAIT;
        }
        boolean alwaysAllowed = dpidrRead || (!ap && read && address == 0x4) || (!ap && !read && address == 0x0);
        if (sticky != 0 && !alwaysAllowed) {
            return SwdAck.FAULT;
        }
        if (ap && waitWhileBusStalls && select >>> 24 == 0 && (control & CDBGPWRUPREQ) != 0) {
            long busAddress = ahbAp.transferAddress(select & 0xF0 | address);
            if (busAddress >= 0 && host.busStalls((int) busAddress, !read)) {
                return SwdAck.WAIT;
            }
        }
        return SwdAck.OK;
    }

    private boolean pinsRouted(Wire wire) {
        SwjConfig pins = host.swjConfig();
        return wire == Wire.SWD ? pins.swDpEnabled() : pins.jtagDpEnabled();
    }

    int performRead(boolean ap, int address) {
        int data;
        if (!ap) {
            data = switch (address) {
                case 0x0 -> {
                    awaitingDpidr = false;
                    yield dpidr;
                }
                case 0x4 -> controlStatus();
                case 0x8 -> lastReadData;
                default -> readBuffer;
            };
        } else {
            int fresh = accessAp(true, address, 0);
            data = readBuffer;
            readBuffer = fresh;
        }
        lastReadData = data;
        return data;
    }

    void performWrite(boolean ap, int address, int value) {
        if (ap) {
            accessAp(false, address, value);
            return;
        }
        switch (address) {
            case 0x0 -> abort(value);
            case 0x4 -> {
                control = value & CTRL_WRITABLE;
                if ((value & CDBGPWRUPREQ) != 0) {
                    host.debugPowerRequested();
                }
            }
            case 0x8 -> select = value;
            default -> { } // TARGETSEL exists on DPv2 only
        }
    }

    boolean takeParityCorruption() {
        return host.takeParityCorruption();
    }

    /** What an AP read answers on the wire now: the previous AP read's value (facts §C.3). */
    int postedReadValue() {
        return readBuffer;
    }

    boolean overrunDetect() {
        return (control & ORUNDETECT) != 0;
    }

    /** A write whose data parity was wrong: WDATAERR, nothing written (facts §C.2). */
    void writeDataParityError() {
        sticky |= WDATAERR;
    }

    private void abort(int value) {
        if ((value & ABORT_STKCMPCLR) != 0) {
            sticky &= ~STICKYCMP;
        }
        if ((value & ABORT_STKERRCLR) != 0) {
            sticky &= ~STICKYERR;
        }
        if ((value & ABORT_WDERRCLR) != 0) {
            sticky &= ~WDATAERR;
        }
        if ((value & ABORT_ORUNERRCLR) != 0) {
            sticky &= ~STICKYORUN;
        }
    }

    private int controlStatus() {
        int acks = (control & CDBGRSTREQ) << 1 | (control & CDBGPWRUPREQ) << 1 | (control & CSYSPWRUPREQ) << 1;
        return control | acks | sticky | (readOk ? READOK : 0);
    }

    private int accessAp(boolean read, int address, int value) {
        int apsel = select >>> 24;
        int register = select & 0xF0 | address;
        if (apsel != 0) {
            return 0;
        }
        if ((control & CDBGPWRUPREQ) == 0) {
            sticky |= STICKYERR;
            readOk = false;
            tracer.emit(() -> new SimTraceEvent.SwdLineEvent(clock.nanos(),
                    "AP access before CTRL/STAT.CDBGPWRUPREQ: STICKYERR (power up the debug domain first)"));
            return 0;
        }
        try {
            if (read) {
                int result = ahbAp.read(register);
                readOk = true;
                return result;
            }
            ahbAp.write(register, value);
            return 0;
        } catch (BusFaultException fault) {
            sticky |= STICKYERR;
            readOk = false;
            return 0;
        }
    }

    // ---------------------------------------------------------------- trace

    private void trace(boolean ap, boolean read, int address, SwdAck ack, int data) {
        if (!tracer.active()) {
            return;
        }
        tracer.emit(() -> new SimTraceEvent.SwdTransaction(clock.nanos(), ap, read, address,
                ap ? apRegisterName(address) : dpRegisterName(read, address), ack, data));
    }

    void traceTransaction(boolean ap, boolean read, int address, SwdAck ack, int data) {
        trace(ap, read, address, ack, data);
    }

    private static String dpRegisterName(boolean read, int address) {
        return switch (address) {
            case 0x0 -> read ? "DPIDR" : "ABORT";
            case 0x4 -> "CTRL/STAT";
            case 0x8 -> read ? "RESEND" : "SELECT";
            default -> read ? "RDBUFF" : "TARGETSEL";
        };
    }

    private String apRegisterName(int address) {
        int apsel = select >>> 24;
        int register = select & 0xF0 | address;
        String name = switch (register) {
            case AhbAccessPort.CSW -> "CSW";
            case AhbAccessPort.TAR -> "TAR";
            case AhbAccessPort.DRW -> "DRW";
            case 0x10, 0x14, 0x18, 0x1C -> "BD" + (register - 0x10) / 4;
            case AhbAccessPort.CFG -> "CFG";
            case AhbAccessPort.BASE -> "BASE";
            case AhbAccessPort.IDR -> "IDR";
            default -> String.format("AP[0x%02X]", register);
        };
        return apsel == 0 ? name : "AP" + apsel + "." + name;
    }
}
