package io.blueflash.transport.usb.stlink;

import io.blueflash.debug.cortexm.CoreRegisterTransfer;
import io.blueflash.debug.cortexm.CortexMCoreControl;
import io.blueflash.debug.cortexm.CortexMRegisters;
import io.blueflash.debug.cortexm.DebugRegisters;
import io.blueflash.model.ConnectMode;
import io.blueflash.model.ConnectOptions;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.DapRegisterAccess;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.ResetLine;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.port.out.TargetConnection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A session with a target through an ST-Link. Opening follows stlink's and OpenOCD's sequence
 * (facts §D.10): versions, leave DFU/debug/SWIM mode, target voltage, (NRST low for
 * connect-under-reset), SWD clock, ENTER_SWD, INIT_AP, READ_IDCODES, then reset-and-halt
 * (normal), halt then release NRST then reset-and-halt (under reset), or nothing (hot-plug).
 * Transport option {@value #JTAG_OPTION}=true connects over JTAG instead (JTAG clock, ENTER with JTAG):
 * the same commands then reach the SWJ-DP's JTAG-DP, for boards wired to the 20-pin JTAG header.
 *
 * <p>Offers {@link MemoryAccess}, {@link CoreControl} and {@link ResetLine} always, and
 * {@link DapRegisterAccess} when the firmware has the DAP register commands (J24+).
 */
public final class StLinkTargetConnection implements TargetConnection {

    /** Transport option: connect over JTAG instead of SWD ("true"/"false"). */
    public static final String JTAG_OPTION = ConnectOptions.STLINK_JTAG;
    /** JTAG clock without --freq: 1125 kHz, the ST-Link divisor nearest the 1 MHz of OpenOCD's stm32f1x.cfg. */
    static final int DEFAULT_JTAG_KHZ = 1125;

    /** OpenOCD warns below this target voltage (facts §D.9). */
    static final double LOW_VOLTAGE = 1.5;

    private final StLinkProtocol protocol;
    private final ProbeDescriptor descriptor;
    private final StLinkMemoryAccess memory;
    private final CortexMCoreControl core;
    private final StLinkDapRegisterAccess dap;
    private final List<String> notes;
    private final int dpidr;
    private final long startNanos;
    private boolean closed;

    private StLinkTargetConnection(StLinkProtocol protocol, CortexMCoreControl core, ProbeDescriptor descriptor,
                                   List<String> notes, int dpidr, long startNanos) {
        this.protocol = protocol;
        this.descriptor = descriptor;
        this.memory = new StLinkMemoryAccess(protocol);
        this.core = core;
        this.dap = protocol.version().hasDapRegisters() ? new StLinkDapRegisterAccess(protocol) : null;
        this.notes = List.copyOf(notes);
        this.dpidr = dpidr;
        this.startNanos = startNanos;
    }

    /** Runs the connection sequence on an opened channel; closes the channel if it fails. */
    public static StLinkTargetConnection open(StLinkChannel channel, StLinkDeviceInfo device,
                                              ConnectOptions options, WaitBackoff backoff) {
        long start = channel.simulatedNanos().orElse(0);
        StLinkProtocol protocol = new StLinkProtocol(channel, backoff, options.trace());
        List<String> notes = new ArrayList<>();
        try {
            StLinkVersion version = protocol.readVersion();
            protocol.leaveMode(protocol.currentMode());
            double volts = protocol.targetVoltage();
            if (!Double.isNaN(volts) && volts < LOW_VOLTAGE) {
                notes.add(String.format("target voltage %.2f V is low: is the target powered?", volts));
            }
            if (options.mode() == ConnectMode.UNDER_RESET) {
                protocol.driveNrst(StLinkCommand.NRST_LOW);
            }
            boolean jtag = Boolean.parseBoolean(options.option(JTAG_OPTION, "false"));
            int swdKhz = jtag ? setJtagClock(protocol, version, options, notes) : setClock(protocol, version, options, notes);
            if (jtag) {
                protocol.enterJtag();
            } else {
                protocol.enterSwd();
            }
            protocol.initAp(0);
            int dpidr = protocol.readIdCode();
            CortexMCoreControl core = coreControl(protocol);
            switch (options.mode()) {
                case NORMAL -> core.resetAndHalt();
                case UNDER_RESET -> {
                    protocol.writeDebugRegister(CortexMRegisters.DHCSR,
                            CortexMRegisters.DHCSR_DBGKEY | CortexMRegisters.DHCSR_C_HALT | CortexMRegisters.DHCSR_C_DEBUGEN);
                    protocol.driveNrst(StLinkCommand.NRST_HIGH);
                    core.resetAndHalt();
                }
                case HOT_PLUG -> { }
            }
            String description = String.format("%s (%s), %s, %s %d kHz, %s 0x%08X", device.modelName(),
                    version.label(), Double.isNaN(volts) ? "target voltage unknown" : String.format("target %.2f V", volts),
                    jtag ? "JTAG" : "SWD", swdKhz, jtag ? "JTAG IDCODE" : "DPIDR", dpidr);
            notes.forEach(note -> options.trace().trace("stlink", channel.simulatedNanos().orElse(-1), note));
            return new StLinkTargetConnection(protocol, core, new ProbeDescriptor("stlink", device.serial(), description),
                    notes, dpidr, start);
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The core's Cortex-M run control (DEMCR kept, bus faults tolerated during reset, a poll budget)
     * over the probe's native debug-register and core-register commands (READDEBUGREG / WRITEDEBUGREG,
     * READREG / WRITEREG; facts §D.4): one round trip each instead of a memory command.
     */
    static CortexMCoreControl coreControl(StLinkProtocol protocol) {
        return new CortexMCoreControl(new DebugRegisters() {
            @Override
            public int read(int address) {
                return protocol.readDebugRegister(address);
            }

            @Override
            public void write(int address, int value) {
                protocol.writeDebugRegister(address, value);
            }
        }, CortexMCoreControl.defaultBudget(), new CoreRegisterTransfer() {
            @Override
            public int readCoreRegister(int regsel) {
                return protocol.readCoreRegister(regsel);
            }

            @Override
            public void writeCoreRegister(int regsel, int value) {
                protocol.writeCoreRegister(regsel, value);
            }
        });
    }

    private static int setClock(StLinkProtocol protocol, StLinkVersion version, ConnectOptions options, List<String> notes) {
        int requested = options.swdFrequencyKhz().orElse(
                version.isV3() ? SwdFrequency.V3_DEFAULT_KHZ : SwdFrequency.V2_DEFAULT_KHZ);
        SwdFrequency.Choice choice = protocol.setSwdFrequency(requested);
        if (choice == null) {
            if (options.swdFrequencyKhz().isPresent()) {
                notes.add("ST-Link firmware " + version.label() + " cannot set the SWD clock (needs J22);"
                        + " it runs at its default 1800 kHz");
            }
            return SwdFrequency.V2_DEFAULT_KHZ;
        }
        if (!choice.exact()) {
            notes.add("SWD clock " + requested + " kHz is not available on this ST-Link; using " + choice.khz() + " kHz");
        }
        return choice.khz();
    }

    /** The JTAG clock: the --freq request, else the ST-Link's JTAG default as OpenOCD's stm32f1x.cfg has it. */
    private static int setJtagClock(StLinkProtocol protocol, StLinkVersion version, ConnectOptions options,
                                    List<String> notes) {
        int requested = options.swdFrequencyKhz().orElse(DEFAULT_JTAG_KHZ);
        SwdFrequency.Choice choice = protocol.setJtagFrequency(requested);
        if (choice == null) {
            notes.add("ST-Link firmware " + version.label() + " cannot set the JTAG clock (needs J24);"
                    + " it runs at its default " + DEFAULT_JTAG_KHZ + " kHz");
            return DEFAULT_JTAG_KHZ;
        }
        if (!choice.exact()) {
            notes.add("JTAG clock " + requested + " kHz is not available on this ST-Link; using " + choice.khz() + " kHz");
        }
        return choice.khz();
    }

    /** Warnings gathered while connecting (low voltage, clock rounded, clock not settable). */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    public StLinkVersion version() {
        return protocol.version();
    }

    /** The SW-DP's DPIDR read by READ_IDCODES. */
    public int dpidr() {
        return dpidr;
    }

    @Override
    public ProbeDescriptor probe() {
        return descriptor;
    }

    @Override
    public Set<TargetCapability> capabilities() {
        Set<TargetCapability> set = EnumSet.of(TargetCapability.MEMORY_ACCESS, TargetCapability.CORE_CONTROL,
                TargetCapability.RESET_LINE);
        if (dap != null) {
            set.add(TargetCapability.DAP_REGISTER_ACCESS);
        }
        return set;
    }

    @Override
    public Optional<MemoryAccess> memoryAccess() {
        return Optional.of(memory);
    }

    @Override
    public Optional<CoreControl> coreControl() {
        return Optional.of(core);
    }

    @Override
    public Optional<DapRegisterAccess> dapRegisterAccess() {
        return Optional.ofNullable(dap);
    }

    @Override
    public Optional<ResetLine> resetLine() {
        return Optional.of(new ResetLine() {
            @Override
            public void setAsserted(boolean asserted) {
                core.forgetHalted();
                protocol.driveNrst(asserted ? StLinkCommand.NRST_LOW : StLinkCommand.NRST_HIGH);
            }

            /**
             * A debugger's halt request (DHCSR.C_HALT) survives NRST and would stop the core again
             * right after the reset; it is released first so the pulse acts as the board's reset
             * button. To stop at the reset vector, follow with {@link CoreControl#resetAndHalt()}.
             */
            @Override
            public void pulse() {
                core.forgetHalted();
                protocol.writeDebugRegister(CortexMRegisters.DHCSR, CortexMRegisters.DHCSR_DBGKEY | CortexMRegisters.DHCSR_C_DEBUGEN);
                protocol.driveNrst(StLinkCommand.NRST_PULSE);
            }
        });
    }

    @Override
    public OptionalLong simulatedNanos() {
        OptionalLong now = protocol.channel().simulatedNanos();
        return now.isPresent() ? OptionalLong.of(now.getAsLong() - startNanos) : now;
    }

    /**
     * DEMCR as the session found it (less a reset-halt's VC_CORERESET, {@link CortexMCoreControl#settle}),
     * DEBUG EXIT (the probe returns to mass-storage mode, as st-flash leaves it), then release USB.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            try {
                core.settle();
            } catch (TargetCommunicationException targetGone) {
                // an unpowered target cannot take DEMCR back; the probe still leaves debug mode
            }
            protocol.exitDebug();
        } catch (RuntimeException ignored) {
            // the probe may already be gone; releasing the channel is all that is left to do
        } finally {
            protocol.channel().close();
        }
    }
}
