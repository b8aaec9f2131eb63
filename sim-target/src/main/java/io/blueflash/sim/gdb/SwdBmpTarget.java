package io.blueflash.sim.gdb;

import static io.blueflash.sim.gdb.CortexMDebugRegisters.AIRCR;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.AIRCR_SYSRESETREQ;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.CPUID;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.C_DEBUGEN;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.C_HALT;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.C_MASKINTS;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.C_STEP;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.DBGKEY;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.DBGMCU_IDCODE;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.DEMCR;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.DFSR;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.DHCSR;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.F_SIZE;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.ROM_PIDR1;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.ROM_PIDR2;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.ROM_PIDR4;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.S_HALT;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.TRCENA;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.VC_CORERESET;
import static io.blueflash.sim.gdb.CortexMDebugRegisters.VC_HARDERR;

import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.chip.FlashController;
import io.blueflash.sim.chip.OptionBytes;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.debug.JtagScanPricedPort;
import io.blueflash.sim.probe.SwdProbeEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The BMP firmware's target layer for an STM32F1 over SWD or JTAG, driving the simulated chip only
 * through {@link SwdProbeEngine} (MEM-AP transactions, as the probe's firmware does): scan (DPIDR, AP IDR,
 * DBGMCU_IDCODE), attach (halt with reset vector catch), memory with the widest access both the
 * address and the length allow (BMP's rule), core registers through DCRSR/DCRDR, system reset
 * through AIRCR, and the STM32F1 flash driver ({@link Stm32F1BmpFlash}).
 *
 * <p>The last scan picks the wire: after {@code swd_scan} every access is an SWD transaction at the SWJ
 * clock; after {@code jtag_scan} it is the JTAG-DP's scans ({@link JtagScanPricedPort}) at the same clock,
 * since BMP's firmware bit-bangs TCK and SWCLK with one divider ({@code monitor frequency}).
 */
final class SwdBmpTarget implements BmpTarget {

    /** Target voltage BMP reports: the Blue Pill's 3.3 V rail. */
    static final String TARGET_VOLTAGE = "3.3V";
    /** Halt requests give up after this much simulated time (BMP's cortexm halt timeout is ~2 s). */
    private static final long HALT_TIMEOUT_NANOS = 2_000_000_000L;
    /** Upper bound on polls, should a poll ever cost no simulated time. */
    static final int MAX_POLLS = 1_000_000;

    /**
     * TCK cycles of BMP's {@code jtag_scan} besides the DP accesses, on the F1's two-TAP chain: the
     * SWD-to-JTAG switch (51 cycles with TMS high, then the 16-bit select sequence 0xE73C of ADIv5's SWJ-DP)
     * and the enumeration after the TAP reset and IDCODE scan that {@link SwdProbeEngine#connect()} charges
     * itself: one more 32-bit word of ones that marks the chain's end, plus the Exit1 step (33); the IR
     * lengths (4 to Shift-IR, 4 + 5 captured bits and 2 ones, 3 back to Idle: 18); the BYPASS count (3 to
     * Shift-DR, 2 zeros and a one, 3 back: 9).
     */
    static final int JTAG_SCAN_EXTRA_CYCLES = (51 + 16) + 33 + 18 + 9;

    private final Stm32F103 chip;
    private final SwdProbeEngine swdEngine;
    private final JtagScanPricedPort jtagPort;
    private final SwdProbeEngine jtagEngine;
    /** The wire of the last scan: {@link #swdEngine} or {@link #jtagEngine}. */
    private SwdProbeEngine engine;
    private final SimClock clock;
    private DetectedTarget detected;
    private Stm32F1BmpFlash flash;
    private boolean attached;
    private boolean connectUnderReset;
    private final CortexMBreakUnits breakUnits;

    SwdBmpTarget(Stm32F103 chip) {
        this.chip = chip;
        this.swdEngine = new SwdProbeEngine(chip.swd());
        this.jtagPort = new JtagScanPricedPort(chip.debugPort().withoutWireCost(), chip.clock(),
                this::swjFrequencyHz);
        this.jtagEngine = new SwdProbeEngine(jtagPort);
        this.engine = swdEngine;
        this.clock = chip.clock();
        this.breakUnits = new CortexMBreakUnits(address -> engine.read32(address), (address, value) -> {
            engine.write32(address, value);
            return 0;
        });
    }

    /** The SWJ clock range of the simulated probe ({@code monitor frequency}): 1 kHz to 4 MHz. */
    static final long MIN_SWJ_HZ = 1_000, MAX_SWJ_HZ = 4_000_000;

    @Override
    public List<String> swdScan() {
        engine = swdEngine;
        return scan(false);
    }

    /**
     * The same target through the chip's JTAG-DP (its SWJ-DP in JTAG mode, IDCODE facts §C.5): the switch
     * and chain enumeration ({@link #JTAG_SCAN_EXTRA_CYCLES}), then the DP model's accesses as JTAG scans
     * from here on; the line names the JTAG-DP IDCODE.
     */
    @Override
    public List<String> jtagScan() {
        engine = jtagEngine;
        jtagPort.clockCycles(JTAG_SCAN_EXTRA_CYCLES);
        return scan(true);
    }

    /** True when the last scan was {@code jtag_scan}: accesses are JTAG-DP scans. */
    boolean overJtag() {
        return engine == jtagEngine;
    }

    @Override
    public long swjFrequencyHz() {
        return chip.debugPort().frequencyHz();
    }

    @Override
    public void setSwjFrequencyHz(long hz) {
        chip.setSwdFrequencyHz(Math.max(MIN_SWJ_HZ, Math.min(MAX_SWJ_HZ, hz)));
    }

    private List<String> scan(boolean jtag) {
        List<String> lines = new ArrayList<>();
        lines.add("Target voltage: " + TARGET_VOLTAGE);
        attached = false;
        detected = null;
        flash = null;
        try {
            int dpidr = connectUnderReset ? connectHoldingNrst() : engine.connect();
            int apIdr = engine.readAp(0, 0xFC);
            int cpuid = engine.read32(CPUID);
            int idcode = engine.read32(DBGMCU_IDCODE);
            int fSizeWord = engine.read32(F_SIZE);
            detected = DetectedTarget.identify(dpidr, apIdr, cpuid, idcode, fSizeWord, romTableDesigner());
            int jtagDpIdcode = ((dpidr >>> 28) + 2) << 28 | 0x0BA0_0477;
            if (jtag) {
                lines.addAll(deviceTable(jtagDpIdcode, idcode & 0xFFF));
            }
            lines.add(jtag ? String.format("JTAG-DP IDCODE 0x%08X, AHB-AP IDR 0x%08X, CPUID 0x%08X",
                    jtagDpIdcode, apIdr, cpuid)
                    : String.format("SW-DP DPIDR 0x%08X, AHB-AP IDR 0x%08X, CPUID 0x%08X", dpidr, apIdr, cpuid));
        } catch (RuntimeException e) {
            lines.add((jtag ? "JTAG" : "SWD") + " scan: no target answered (" + e.getMessage() + ")");
            return lines;
        }
        lines.add("Available Targets:");
        lines.addAll(targetList());
        return lines;
    }

    /**
     * The chain's devices as the firmware's {@code jtag_scan} lists them before the target list, numbered from
     * TDO: the Cortex-M3's JTAG-DP (IR 4 bits), then the F1's boundary-scan TAP (IR 5 bits, IDCODE
     * {@code 0x06000041 | DEV_ID << 12}, RM0008 §31.6.2). Their rows start with a number too, as the
     * target list's do.
     */
    private List<String> deviceTable(int jtagDpIdcode, int devId) {
        return List.of("Device  IR Len  IDCODE      Description",
                String.format("0\t4\t0x%08X\tARM Limited: ADIv5 JTAG-DP port.", jtagDpIdcode),
                String.format("1\t5\t0x%08X\tST Microelectronics: %s boundary scan.",
                        0x0600_0041 | devId << 12, detected.driverName()));
    }

    /**
     * Connect under reset (facts §C.6): with NRST held low, power up the DP, request a halt and the
     * reset vector catch, then release NRST — the core stops at its reset vector before the firmware
     * can disable SWD or reconfigure the pins.
     */
    /** The JEP106 designer of the ROM table (continuation in b11:8, identity in b6:0), as BMP reads it to pick a driver. */
    private int romTableDesigner() {
        int continuation = engine.read32(ROM_PIDR4) & 0xF;
        int identity = (engine.read32(ROM_PIDR1) >>> 4 & 0xF) | (engine.read32(ROM_PIDR2) & 0x7) << 4;
        return continuation << 8 | identity;
    }

    private int connectHoldingNrst() {
        chip.setNrst(true);
        try {
            int dpidr = engine.connect();
            engine.write32(DEMCR, TRCENA | VC_HARDERR | VC_CORERESET);
            engine.write32(DHCSR, DBGKEY | C_HALT | C_DEBUGEN);
            return dpidr;
        } finally {
            chip.setNrst(false);
        }
    }

    @Override
    public void setConnectUnderReset(boolean enabled) {
        connectUnderReset = enabled;
    }

    @Override
    public boolean connectUnderReset() {
        return connectUnderReset;
    }

    @Override
    public List<String> targetList() {
        if (detected == null) {
            return List.of();
        }
        return List.of("No. Att Driver", String.format(" 1   %s  %s M3", attached ? "*" : " ", detected.driverName()));
    }

    @Override
    public void attach(int targetNumber) {
        if (detected == null || targetNumber != 1) {
            throw new BmpTargetException(1, "no target " + targetNumber + ": run monitor swd_scan first");
        }
        guarded(() -> {
            engine.write32(DEMCR, TRCENA | VC_HARDERR | VC_CORERESET);
            haltAndWait();
        });
        flash = new Stm32F1BmpFlash(engine, clock, detected);
        attached = true;
        guarded(breakUnits::clearAll);
    }

    @Override
    public boolean isAttached() {
        return attached;
    }

    @Override
    public void detach() {
        requireAttached();
        guarded(() -> {
            flash.done();
            engine.write32(DEMCR, 0);
            engine.write32(DHCSR, DBGKEY);
        });
        attached = false;
    }

    @Override
    public int readRegister(int gdbRegister) {
        int regsel = regselOf(gdbRegister);
        return guarded(() -> engine.readCoreRegister(regsel));
    }

    @Override
    public void writeRegister(int gdbRegister, int value) {
        int regsel = regselOf(gdbRegister);
        guarded(() -> engine.writeCoreRegister(regsel, value));
    }

    private int regselOf(int gdbRegister) {
        requireAttached();
        int regsel = TargetDescription.regsel(gdbRegister);
        if (regsel < 0) {
            throw new BmpTargetException(1, "no register number " + gdbRegister);
        }
        return regsel;
    }

    @Override
    public int[] gdbRegisterNumbers() {
        return TargetDescription.G_PACKET_REGISTERS.clone();
    }

    @Override
    public byte[] readMemory(int address, int length) {
        requireAttached();
        if (length == 0) {
            return new byte[0];
        }
        return guarded(() -> engine.readBlock(address, length, widthFor(address, length)));
    }

    @Override
    public void writeMemory(int address, byte[] data) {
        requireAttached();
        if (data.length > 0) {
            guarded(() -> engine.writeBlock(address, data, widthFor(address, data.length)));
        }
    }

    /** BMP's rule: the widest access that both the address and the length are aligned to. */
    static int widthFor(int address, int length) {
        int alignment = address | length;
        if ((alignment & 3) == 0) {
            return 4;
        }
        return (alignment & 1) == 0 ? 2 : 1;
    }

    @Override
    public void halt() {
        requireAttached();
        guarded(this::haltAndWait);
    }

    @Override
    public void resume() {
        requireAttached();
        guarded(() -> engine.write32(DHCSR, DBGKEY | C_DEBUGEN));
    }

    @Override
    public void step() {
        requireAttached();
        guarded(() -> {
            engine.write32(DHCSR, DBGKEY | C_DEBUGEN | C_HALT | C_MASKINTS);
            engine.write32(DHCSR, DBGKEY | C_DEBUGEN | C_STEP | C_MASKINTS);
            waitForHalt();
            engine.write32(DHCSR, DBGKEY | C_DEBUGEN | C_HALT);
        });
    }

    @Override
    public boolean insertBreakpoint(int address) {
        requireAttached();
        return guarded(() -> breakUnits.insertBreakpoint(address));
    }

    @Override
    public boolean removeBreakpoint(int address) {
        requireAttached();
        return guarded(() -> breakUnits.removeBreakpoint(address));
    }

    @Override
    public boolean insertWatchpoint(CortexMBreakUnits.Watch kind, int address, int length) {
        requireAttached();
        return guarded(() -> breakUnits.insertWatchpoint(kind, address, length));
    }

    @Override
    public boolean removeWatchpoint(int address) {
        requireAttached();
        return guarded(() -> breakUnits.removeWatchpoint(address));
    }

    @Override
    public String watchStopReason() {
        requireAttached();
        return guarded(breakUnits::watchStopReason);
    }

    @Override
    public boolean isHalted() {
        requireAttached();
        return guarded(() -> (engine.read32(DHCSR) & S_HALT) != 0);
    }

    @Override
    public void haltObserved() {
        requireAttached();
        guarded(() -> engine.write32(DFSR, engine.read32(DFSR)));
    }

    /** SYSRESETREQ; with VC_CORERESET set at attach the core stops at the reset vector. */
    @Override
    public void reset() {
        requireAttached();
        guarded(() -> {
            engine.read32(DHCSR); // clears a stale S_RESET_ST
            engine.write32(AIRCR, AIRCR_SYSRESETREQ);
            waitForHalt();
        });
    }

    @Override
    public String memoryMapXml() {
        requireAttached();
        return detected.memoryMapXml();
    }

    @Override
    public void flashErase(int address, int length) {
        requireAttached();
        guarded(() -> flash.erase(address, length));
    }

    @Override
    public void flashWrite(int address, byte[] data) {
        requireAttached();
        guarded(() -> flash.write(address, data));
    }

    @Override
    public void flashDone() {
        requireAttached();
        guarded(flash::done);
    }

    @Override
    public void massErase() {
        requireAttached();
        guarded(flash::massErase);
    }

    @Override
    public void optionErase() {
        requireAttached();
        guarded(flash::optionErase);
    }

    @Override
    public boolean readProtected() {
        requireAttached();
        return guarded(() -> (engine.read32(FlashController.FLASH_OBR) & 0b10) != 0);
    }

    @Override
    public void optionWrite(int address, int value) {
        requireAttached();
        guarded(() -> flash.optionWrite(address, value));
    }

    @Override
    public List<String> optionSlots() {
        requireAttached();
        return guarded(() -> {
            List<String> lines = new ArrayList<>();
            for (int slot = 0; slot < 8; slot++) {
                int address = OptionBytes.BASE + 2 * slot;
                lines.add(String.format("0x%08X: 0x%04X", address, engine.read16(address)));
            }
            return lines;
        });
    }

    private void haltAndWait() {
        engine.write32(DHCSR, DBGKEY | C_HALT | C_DEBUGEN);
        waitForHalt();
    }

    private void waitForHalt() {
        long deadline = clock.nanos() + HALT_TIMEOUT_NANOS;
        for (int polls = 1; (engine.read32(DHCSR) & S_HALT) == 0; polls++) {
            if (clock.nanos() > deadline || polls > MAX_POLLS) {
                throw new BmpTargetException(1, "core did not halt");
            }
        }
    }

    private void requireAttached() {
        if (!attached) {
            throw new BmpTargetException(1, "not attached: run monitor swd_scan and attach 1");
        }
    }

    /** Runs a target operation; any SWD or bus failure becomes an E01 reply. */
    private static <T> T guarded(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (BmpTargetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BmpTargetException(1, e.getMessage(), e);
        }
    }

    private static void guarded(Runnable operation) {
        guarded(() -> {
            operation.run();
            return null;
        });
    }

    Stm32F103 chip() {
        return chip;
    }
}
