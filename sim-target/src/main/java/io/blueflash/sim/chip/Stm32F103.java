package io.blueflash.sim.chip;

import io.blueflash.sim.bus.BusDevice;
import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.bus.BusMaster;
import io.blueflash.sim.bus.InterruptLines;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.bus.SystemBus;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTraceListener;
import io.blueflash.sim.trace.SimTracer;
import io.blueflash.sim.chip.periph.GpioPort;
import io.blueflash.sim.chip.periph.Iwdg;
import io.blueflash.sim.chip.periph.Peripherals;
import io.blueflash.sim.chip.periph.Rcc;
import io.blueflash.sim.chip.periph.Usart;
import io.blueflash.sim.cpu.CellWrites;
import io.blueflash.sim.cpu.CortexM3Core;
import io.blueflash.sim.cpu.CpuClocking;
import io.blueflash.sim.cpu.CpuPorts;
import io.blueflash.sim.cpu.Semihosting;
import io.blueflash.sim.debug.AhbAccessPort;
import io.blueflash.sim.debug.RomTable;
import io.blueflash.sim.debug.SwDebugPort;
import io.blueflash.sim.debug.SwdLine;
import io.blueflash.sim.debug.SwdTransactionPort;
import io.blueflash.sim.debug.SwjConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One simulated STM32F103 (DESIGN §3): flash, SRAM, system memory, option bytes, FPEC, DBGMCU,
 * run-time peripherals, the Cortex-M3 SCS and ROM table on one AHB, reached by firmware through
 * {@link #cpuBus()} and by a debugger through the SW-DP/AHB-AP ({@link #swd()}, or bit by bit
 * through {@link #swdLine()}), all timed by one {@link SimClock}.
 *
 * <p>Memory map (facts §A.1): boot alias at 0, main flash 0x0800_0000 (all physically present
 * flash, which may exceed F_SIZE, §A.2), SRAM 0x2000_0000, system memory + F_SIZE + U_ID + option
 * bytes up to 0x1FFF_F80F, the run-time peripherals of RM0008 §3.3 Table 3 for the density
 * ({@link Peripherals}: RCC 0x4002_1000 and the rest), FPEC 0x4002_2000, ITM/DWT/FPB
 * 0xE000_0000–0xE000_2FFF, SCS 0xE000_E000, TPIU 0xE004_0000, ETM 0xE004_1000, DBGMCU 0xE004_2000,
 * ROM table 0xE00F_F000. Any other address is a bus error.
 *
 * <p>"Debug mode" for read-out protection (facts §B.6) means: the access comes from the debugger, a
 * debugger has powered up the debug domain since the last power-on reset, or the chip did not boot
 * from main flash. Not thread-safe: drive one chip from one thread at a time.
 */
public final class Stm32F103 {

    /** Time a system reset takes here: RM0008's 20 µs minimum NRST pulse (facts §C.6). */
    static final long RESET_NANOS = 20_000L;
    /** Granularity of {@link #runUntilHalted}: the clock advances in slices this long. */
    static final long RUN_SLICE_NANOS = 100_000L;

    private final SimProfile profile;
    private final SimClock clock = new SimClock();
    private final SimTracer tracer = new SimTracer();
    private final FaultInjector faults = new FaultInjector();
    private final FlashArray flash;
    private final OptionBytes optionBytes = new OptionBytes();
    private final FlashController fpec;
    private final Sram sram;
    private final SystemMemory systemMemory;
    private final DbgMcu dbgMcu;
    private final Peripherals peripherals;
    private final RegisterFile itm;
    private final CortexM3Core core;
    private final AhbBus bus;
    private final SwDebugPort debugPort;
    private final SwdLine swdLine;
    private final SystemBus cpuBus;
    private boolean powered = true;
    private boolean nrstAsserted;
    private boolean debuggerAttached;
    private BootMode bootMode = BootMode.MAIN_FLASH;
    private long resets;

    private Stm32F103(SimProfile profile) {
        this.profile = Objects.requireNonNull(profile, "'profile' must not be null");
        this.flash = new FlashArray(profile.physicalFlashBytes(), profile.pageSize());
        this.fpec = new FlashController(profile, flash, optionBytes, clock, tracer, this::inDebugMode);
        this.sram = new Sram(profile.sramBytes());
        this.systemMemory = new SystemMemory(profile, fpec, clock, tracer);
        this.dbgMcu = new DbgMcu(profile.dbgmcuIdcode(), () -> debuggerAttached);
        this.peripherals = new Peripherals(new Peripherals.Hooks(profile.density(), clock, tracer, dbgMcu::iwdgStop,
                () -> (fpec.obr() & 1 << 2) == 0, this::systemReset));
        this.itm = new RegisterFile(Map.of(), Set.of());
        this.bus = new AhbBus(clock, tracer, faults, new BusAccessDecoder(profile), new AhbBus.Chip() {
            @Override
            public boolean powered() {
                return powered;
            }

            @Override
            public boolean heldInReset() {
                return nrstAsserted;
            }

            @Override
            public void losePower() {
                powerLost();
            }
        });
        this.cpuBus = bus.view(BusMaster.CPU);
        this.core = new CortexM3Core(new CorePorts(), clock, tracer, profile.cpuid());
        core.setClocking(new ChipClocking());
        bus.map(0x0000_0000, profile.physicalFlashBytes(), "boot alias", new BootAlias(), false);
        bus.map(SimProfile.FLASH_BASE, profile.physicalFlashBytes(), "flash", new FlashRegion(), false);
        bus.map(profile.density().systemMemoryBase(), systemMemory.size(), "system memory", systemMemory, false);
        bus.map(SimProfile.SRAM_BASE, profile.sramBytes(), "sram", sram, false);
        peripherals.mapInto((base, size, name, device) -> bus.map(base, size, name, device, false));
        peripherals.iwdg().setCoreHalted(this::isCoreHalted);
        bus.map(FlashController.BASE, 0x400, "FPEC", fpec, false);
        bus.map(0xE000_0000, 0x1000, "ITM", itm, true);
        bus.map(0xE000_1000, 0x1000, "DWT", core.dataWatchpointAndTrace(), true);
        bus.map(0xE000_2000, 0x1000, "FPB", core.flashPatchBreakpoint(), true);
        bus.map(0xE000_E000, 0x1000, "SCS", core.systemControlSpace(), true);
        bus.map(0xE004_0000, 0x2000, "TPIU/ETM", new RegisterFile(Map.of(), Set.of()), true);
        bus.map(DbgMcu.BASE, 8, "DBGMCU", dbgMcu, true);
        bus.map(RomTable.BASE, 0x1000, "ROM table", new RomTable(profile.devId(), profile.romTableDesigner()), true);
        AhbAccessPort ahbAp = new AhbAccessPort(bus.view(BusMaster.DEBUG), profile.apIdr());
        this.debugPort = new SwDebugPort(profile.dpidr(), ahbAp, clock, tracer, new SwDebugPort.Host() {
            @Override
            public boolean powered() {
                return powered;
            }

            @Override
            public boolean takeInjectedWait() {
                return faults.takeWait();
            }

            @Override
            public void debugPowerRequested() {
                debuggerAttached = true;
            }

            @Override
            public boolean takeParityCorruption() {
                return faults.takeParityCorruption();
            }

            @Override
            public boolean busStalls(int address, boolean write) {
                return flashBusStalls(address, write);
            }

            @Override
            public SwjConfig swjConfig() {
                return Stm32F103.this.swjConfig();
            }
        });
        this.swdLine = new SwdLine(debugPort, clock, tracer);
        peripherals.connectInterrupts(core.interruptLines());
        core.powerOnReset();
        clock.setRunner(core);
    }

    /** A chip of the named profile; unknown names raise an {@link IllegalArgumentException} listing the known ones. */
    public static Stm32F103 create(String profileName) {
        return new Stm32F103(SimProfile.named(profileName));
    }

    public static Stm32F103 create(SimProfile profile) {
        return new Stm32F103(profile);
    }

    public SimProfile profile() {
        return profile;
    }

    public SimClock clock() {
        return clock;
    }

    /** The SW-DP at transaction level; each call costs its SWD bits on the clock. */
    public SwdTransactionPort swd() {
        return debugPort;
    }

    /** The same SW-DP with its extra knobs (idle cycles, AHB-AP wrap). */
    public SwDebugPort debugPort() {
        return debugPort;
    }

    /** The SWDIO/SWCLK wire, one clock cycle at a time, on top of the same DP. */
    public SwdLine swdLine() {
        return swdLine;
    }

    /**
     * Which debug ports have their pins (AFIO_MAPR.SWJ_CFG, RM0008 §9.3.5): what firmware or a debugger last
     * wrote, and the reset value, full SWJ, while NRST is held (the AFIO is in reset then, RM0008 §7.1.2) and
     * after every reset. Connect under reset therefore reaches a chip whose firmware disabled both ports.
     */
    public SwjConfig swjConfig() {
        return nrstAsserted ? SwjConfig.FULL_SWJ : peripherals.afio().swjConfig();
    }

    public void setSwdFrequencyHz(long hz) {
        debugPort.setFrequencyHz(hz);
    }

    /** Flash BSY durations from one datasheet corner (typ by default, facts §B.8). */
    public void setFlashTiming(TimingCorner corner) {
        fpec.setTiming(FlashTiming.datasheet(corner));
    }

    /** Flash BSY durations given outright (calibration, tests). */
    public void setFlashTiming(FlashTiming timing) {
        fpec.setTiming(timing);
    }

    /** Flash BSY durations of a timing preset ({@link TimingPreset#flashTiming()}). */
    public void setFlashTiming(TimingPreset preset) {
        fpec.setTiming(preset.flashTiming());
    }

    public FlashTiming flashTiming() {
        return fpec.timing();
    }

    /** Accesses as firmware on the core would make them: no SWD cost, read-out protection of a CPU master. */
    public SystemBus cpuBus() {
        return cpuBus;
    }

    /** BOOT pins, sampled at the next reset for the 0x0 alias; any mode but main flash counts as debug mode for RDP. */
    public void setBootMode(BootMode mode) {
        bootMode = Objects.requireNonNull(mode, "'mode' must not be null");
    }

    public BootMode bootMode() {
        return bootMode;
    }

    /**
     * Drives NRST. Asserting holds the system in reset (only the debug domain answers); releasing
     * it is a system reset: option bytes reloaded, core restarted (halted if C_HALT or
     * VC_CORERESET asked for it). Has no effect when fault injection says NRST is not wired.
     */
    public void setNrst(boolean asserted) {
        if (faults.isNrstNotWired()) {
            tracer.emit(() -> new SimTraceEvent.FlashEvent(clock.nanos(), "NRST " + (asserted ? "low" : "high")
                    + " ignored: NRST is not wired"));
            return;
        }
        if (asserted == nrstAsserted) {
            return;
        }
        nrstAsserted = asserted;
        core.setHeldInReset(asserted);
        tracer.emit(() -> new SimTraceEvent.NrstEdge(clock.nanos(), asserted));
        if (!asserted) {
            systemReset(Rcc.ResetCause.PIN);
        }
    }

    /**
     * System resets and power cycles so far, whatever caused them (NRST, SYSRESETREQ, watchdog): what a
     * device-side emulator that stands for ROM code (the bootloader) watches to know the core started again.
     */
    public long resets() {
        return resets;
    }

    public boolean isNrstAsserted() {
        return nrstAsserted;
    }

    /** A system reset as AIRCR.SYSRESETREQ: option bytes are reloaded (facts §A.3). */
    public void systemReset() {
        systemReset(Rcc.ResetCause.SOFTWARE);
    }

    /** The core sits in reset for the pulse, then starts from the vector table (or halts for a vector catch). */
    private void systemReset(Rcc.ResetCause cause) {
        resets++;
        core.setHeldInReset(true);
        clock.advance(RESET_NANOS);
        fpec.reset();
        peripherals.systemReset(cause);
        core.setHeldInReset(nrstAsserted);
        if (!nrstAsserted) {
            core.reset();
        }
        tracer.emit(() -> new SimTraceEvent.FlashEvent(clock.nanos(), String.format(
                "system reset: option bytes reloaded (FLASH_OBR 0x%08X, FLASH_WRPR 0x%08X)%s",
                fpec.obr(), fpec.wrpr(), core.isHalted() ? ", core halted" : ", core running")));
    }

    /** Power off and on: a flash operation in flight is cut, SRAM and all debug state are lost. */
    public void powerCycle() {
        resets++;
        if (powered) {
            fpec.powerLost();
        }
        powered = true;
        nrstAsserted = false;
        debuggerAttached = false;
        sram.clear();
        dbgMcu.powerOnReset();
        itm.reset();
        debugPort.powerOnReset();
        swdLine.powerOnReset();
        fpec.reset();
        peripherals.powerOnReset();
        core.powerOnReset();
        tracer.emit(() -> new SimTraceEvent.FlashEvent(clock.nanos(), "power-on reset"));
    }

    private void powerLost() {
        fpec.powerLost();
        powered = false;
        core.setHeldInReset(true);
        tracer.emit(() -> new SimTraceEvent.FlashEvent(clock.nanos(), "power lost (injected): the chip is dark until powerCycle()"));
    }

    public boolean isPowered() {
        return powered;
    }

    public boolean isCoreHalted() {
        return core.isHalted();
    }

    /** The executing Cortex-M3 (registers, status, cycles, semihosting). */
    public CortexM3Core core() {
        return core;
    }

    /** Lets the chip (and its firmware) run for {@code nanos} of simulated time. */
    public void runFor(long nanos) {
        clock.advance(nanos);
    }

    /**
     * Runs until the core halts (a debug event, semihosting SYS_EXIT) or {@code maxNanos} of
     * simulated time have passed; true if it halted. The clock may end up to one slice
     * ({@value #RUN_SLICE_NANOS} ns) past the halt; {@code core().haltNanos()} has the exact instant.
     */
    public boolean runUntilHalted(long maxNanos) {
        long deadline = clock.nanos() + maxNanos;
        while (!core.isHalted() && clock.nanos() < deadline) {
            clock.advanceTo(Math.min(deadline, clock.nanos() + RUN_SLICE_NANOS));
        }
        return core.isHalted();
    }

    /** Semihosting serviced by the chip itself ({@code null}, the default: BKPT 0xAB halts for a debugger). */
    public void setSemihosting(Semihosting host) {
        core.setSemihosting(host);
    }

    /** True when read-out protection is active (FLASH_OBR.RDPRT as loaded at the last reset). */
    public boolean isReadProtected() {
        return fpec.readProtectionActive();
    }

    public void addTraceListener(SimTraceListener listener) {
        tracer.add(listener);
    }

    public void removeTraceListener(SimTraceListener listener) {
        tracer.remove(listener);
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Flash and option bytes; an operation in flight is first allowed to finish (time advances). */
    public SimState saveState() {
        fpec.finishPending();
        return new SimState(profile.name(), flash.snapshot(), optionBytes.snapshot());
    }

    /** Installs flash and option-byte content, then power-cycles so the option bytes are loaded. */
    public void restoreState(SimState state) {
        Objects.requireNonNull(state, "'state' must not be null");
        fpec.finishPending();
        byte[] content = state.flash();
        if (content.length != flash.size()) {
            throw new IllegalArgumentException("state holds " + content.length + " bytes of flash, a " + profile.name()
                    + " has " + flash.size());
        }
        flash.restore(content);
        optionBytes.restore(state.optionBytes());
        powerCycle();
    }

    // ---------------------------------------------------------------- run-time peripherals (RM0008 §3.3)

    /** RCC and the clock tree: {@code rcc().hclkHz()} is the core's clock. */
    public Rcc rcc() {
        return peripherals.rcc();
    }

    /** GPIOA … GPIOE (… G on high density): registers, pins the host can drive, edges with timestamps. */
    public GpioPort gpio(char port) {
        return peripherals.gpio(port);
    }

    /** USART1 … USART3 (UART4/5 on high density): bytes sent go to its listeners, {@code hostSend} receives. */
    public Usart usart(int n) {
        return peripherals.usart(n);
    }

    /** The independent watchdog; it reads the core's halt state through {@link #isCoreHalted()}. */
    public Iwdg iwdg() {
        return peripherals.iwdg();
    }

    /** AFIO (SWJ_CFG, EXTI routing) and the CRC unit. */
    public Peripherals peripherals() {
        return peripherals;
    }

    /** FLASH_ACR's LATENCY and PRFTBE for flash fetch timing, and the FPEC. */
    public FlashController flashController() {
        return fpec;
    }

    /** The NVIC's inputs, which the peripherals drive (connected at construction; RM0008 §10.1.2). */
    public InterruptLines interruptLines() {
        return core.interruptLines();
    }

    /** Lets {@code observer} see the peripherals' IRQ lines too (the NVIC stays connected). */
    public void connectInterrupts(InterruptLines observer) {
        InterruptLines nvic = core.interruptLines();
        peripherals.connectInterrupts((irq, asserted) -> {
            nvic.setLine(irq, asserted);
            observer.setLine(irq, asserted);
        });
    }

    // ---------------------------------------------------------------- internals

    /**
     * A flash access (and an FPEC register write) stalls while its bank is busy; the APM32 drops
     * flash writes instead of stalling.
     */
    private boolean flashBusStalls(int address, boolean write) {
        long a = Integer.toUnsignedLong(address);
        long fpecOffset = a - Integer.toUnsignedLong(FlashController.BASE);
        if (fpecOffset >= 0 && fpecOffset < 0x400) {
            return write && fpec.registerWriteStalls((int) fpecOffset & ~3);
        }
        long offset = a - SimProfile.FLASH_BASE;
        if (offset < 0 || offset >= profile.physicalFlashBytes()) {
            if (bootMode != BootMode.MAIN_FLASH || a >= profile.physicalFlashBytes()) {
                return false;
            }
            offset = a;
        }
        if (write && profile.dropsHalfWordWrittenWhileBusy()) {
            return false;
        }
        return fpec.busyAt((int) offset);
    }

    private boolean inDebugMode(BusMaster master) {
        return master == BusMaster.DEBUG || debuggerAttached || bootMode != BootMode.MAIN_FLASH;
    }

    /** The executing core's view of the chip: the CPU-master bus and direct SRAM/flash paths (when they agree with the bus). */
    private final class CorePorts implements CpuPorts {
        @Override
        public SystemBus bus() {
            return cpuBus;
        }

        @Override
        public byte[] sramCells() {
            return sram.cells();
        }

        @Override
        public byte[] flashCells() {
            return flash.cells();
        }

        @Override
        public boolean sramDirectlyAccessible() {
            return powered && !nrstAsserted && faults.noAddressFaults();
        }

        @Override
        public boolean flashDirectlyReadable() {
            return sramDirectlyAccessible() && fpec.idle()
                    && !(fpec.readProtectionActive() && inDebugMode(BusMaster.CPU));
        }

        @Override
        public int bootAliasBase() {
            return switch (bootMode) {
                case MAIN_FLASH -> SimProfile.FLASH_BASE;
                case SRAM -> SimProfile.SRAM_BASE;
                case SYSTEM_MEMORY -> profile.density().systemMemoryBase();
            };
        }

        @Override
        public void observeCellWrites(CellWrites observer) {
            sram.observeWrites(observer);
            flash.observeWrites(observer);
        }

        @Override
        public void systemResetRequest() {
            systemReset();
        }
    }

    /** HCLK from the RCC's clock tree, FLASH_ACR from the FPEC: what the core's timing depends on. */
    private final class ChipClocking implements CpuClocking {
        @Override
        public long hclkHz() {
            return peripherals.rcc().hclkHz();
        }

        @Override
        public int flashLatency() {
            return fpec.latency();
        }

        @Override
        public boolean prefetchEnabled() {
            return fpec.prefetchEnabled();
        }
    }

    /** 0x0000_0000 shows the boot source (facts §A.1). */
    private final class BootAlias implements BusDevice {
        @Override
        public int read(int offset, int size, BusMaster master) {
            return switch (bootMode) {
                case MAIN_FLASH -> fpec.readFlash(offset, size, master);
                case SYSTEM_MEMORY -> offset + size <= systemMemory.size() ? systemMemory.read(offset, size, master)
                        : unmapped(offset);
                case SRAM -> offset + size <= profile.sramBytes() ? sram.read(offset, size, master) : unmapped(offset);
            };
        }

        @Override
        public void write(int offset, int size, int value, BusMaster master) {
            switch (bootMode) {
                case MAIN_FLASH -> fpec.writeFlash(offset, size, value, master);
                case SRAM -> {
                    if (offset + size > profile.sramBytes()) {
                        unmapped(offset);
                    }
                    sram.write(offset, size, value, master);
                }
                case SYSTEM_MEMORY -> { }
            }
        }

        private int unmapped(int offset) {
            throw new BusFaultException(offset, "beyond the boot alias of " + bootMode);
        }
    }

    /** Main flash at 0x0800_0000: reads and programming go through the FPEC's rules. */
    private final class FlashRegion implements BusDevice {
        @Override
        public int read(int offset, int size, BusMaster master) {
            return fpec.readFlash(offset, size, master);
        }

        @Override
        public void write(int offset, int size, int value, BusMaster master) {
            fpec.writeFlash(offset, size, value, master);
        }
    }
}
