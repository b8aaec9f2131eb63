package io.blueflash.sim.serve;

import io.blueflash.sim.bootloader.BootloaderEmulator;
import io.blueflash.sim.bootloader.HostLine;
import io.blueflash.sim.chip.SimProfile;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.chip.TimingPreset;
import io.blueflash.sim.gdb.GdbServerEmulator;
import io.blueflash.sim.jtag.JtagScanChain;
import io.blueflash.sim.jtag.RemoteBitbangServer;
import io.blueflash.sim.jtag.Stm32F1JtagChain;
import io.blueflash.sim.jtag.TckClock;
import io.blueflash.sim.stlink.StLinkEmulator;
import io.blueflash.sim.stlink.StLinkPersonality;
import io.blueflash.sim.stlink.server.StLinkServer;
import io.blueflash.sim.stlink.server.StLinkServerDevice;
import io.blueflash.sim.wave.ChipWaveforms;

import java.io.PrintStream;

/** Builds the device-side emulators {@code sim serve} puts in front of one chip. */
public final class SimEmulators {

    private SimEmulators() {
    }

    /** The AN3155 ROM bootloader on a UART at {@code baud} (facts §E). */
    public static StreamService bootloader(Stm32F103 chip, int baud) {
        return new BootloaderEmulator(chip, baud)::serve;
    }

    /** As {@link #bootloader(Stm32F103, int)}, drawing every character on USART1's RX and TX into {@code waves}. */
    public static StreamService bootloader(Stm32F103 chip, int baud, ChipWaveforms waves) {
        BootloaderEmulator emulator = new BootloaderEmulator(chip, baud);
        emulator.observe(waves::uartCharacter);
        return emulator::serve;
    }

    /**
     * The AN3155 ROM bootloader on a UART whose host side is {@code line} (its rate may change while
     * serving, {@link ControlChannel}); tells {@code server} where one client's session ends (GO, a
     * reset, a new client's 0x7F) and {@code log} about rates outside the specification; draws every
     * character into {@code waves} when not null.
     */
    public static StreamService bootloader(SimServer server, HostLine line, PrintStream log, ChipWaveforms waves) {
        BootloaderEmulator emulator = new BootloaderEmulator(server.chip(), line, BootloaderEmulator.BITS_8E1)
                .onSessionEnd(server::clientSessionEnded).onWarning(log::println);
        if (waves != null) {
            emulator.observe(waves::uartCharacter);
        }
        return emulator::serve;
    }

    /** A Black Magic Probe's GDB server (facts §F). */
    public static StreamService blackMagicProbe(Stm32F103 chip) {
        return new GdbServerEmulator(chip)::serve;
    }

    /** A Black Magic Probe's GDB server that tells {@code server} where one GDB's session ends on a lasting stream. */
    public static StreamService blackMagicProbe(SimServer server) {
        return new GdbServerEmulator(server.chip()).onSessionEnd(server::clientSessionEnded)::serve;
    }

    /** An ST-Link/V2 (V2J29S7) behind the stlink-server TCP protocol OpenOCD's ST-Link driver speaks. */
    public static StreamService stLinkServer(Stm32F103 chip, PrintStream log) {
        return stLinkServer(chip, StLinkPersonality.v2(), log);
    }

    /**
     * The ST-Link {@code personality} poses as (model, firmware, USB PID, serial) behind the stlink-server
     * TCP protocol; its sessions may run concurrently ({@link SimServer#serveTcpConcurrently}).
     */
    public static StreamService stLinkServer(Stm32F103 chip, StLinkPersonality personality, PrintStream log) {
        StLinkEmulator emulator = new StLinkEmulator(chip, personality);
        StLinkServerDevice device = new StLinkServerDevice(0x0483, personality.productId(), personality.serial());
        return new StLinkServer(emulator::transfer, device, log::println)::serve;
    }

    /**
     * As {@link #stLinkServer(Stm32F103, StLinkPersonality, PrintStream)}, the emulator's firmware
     * costing what {@code preset} says per memory transfer; the chip's flash timing is set apart.
     */
    public static StreamService stLinkServer(Stm32F103 chip, StLinkPersonality personality, TimingPreset preset,
                                             PrintStream log) {
        StLinkEmulator emulator = new StLinkEmulator(chip, personality);
        emulator.setFirmwareNanosPerReadTransfer(preset.stLinkNanosPerReadTransfer());
        StLinkServerDevice device = new StLinkServerDevice(0x0483, personality.productId(), personality.serial());
        return new StLinkServer(emulator::transfer, device, log::println)::serve;
    }

    /** The chip's JTAG chain (boundary scan + JTAG-DP) behind OpenOCD's remote_bitbang protocol, TCK at 1 MHz. */
    public static StreamService jtagBitbang(Stm32F103 chip) {
        return jtagBitbang(chip, TckClock.DEFAULT_HZ);
    }

    /**
     * The chip's JTAG chain behind remote_bitbang, each TCK cycle costing one period at {@code tckHz}
     * on the chip's clock (the protocol carries no rate: this is the served adapter's speed); the DP's
     * accesses cost no SWD bits of their own.
     */
    public static StreamService jtagBitbang(Stm32F103 chip, long tckHz) {
        return jtagBitbang(chip, new TckClock(chip.clock(), tckHz));
    }

    /** As {@link #jtagBitbang(Stm32F103, long)}, with the caller's {@code tck} (on {@code chip}'s clock), which counts the cycles. */
    public static StreamService jtagBitbang(Stm32F103 chip, TckClock tck) {
        return bitbangServer(chip, tck)::serve;
    }

    private static RemoteBitbangServer bitbangServer(Stm32F103 chip, TckClock tck) {
        SimProfile profile = chip.profile();
        JtagScanChain chain = Stm32F1JtagChain.create(chip.debugPort().withoutWireCost(),
                profile.dbgmcuIdcode() & 0xFFF, jtagIdcode(profile.dpidr()), () -> chip.swjConfig().jtagDpEnabled());
        chain.priceTck(tck);
        return new RemoteBitbangServer(chain, chip::setNrst);
    }

    /** As {@link #jtagBitbang(Stm32F103, long)}, drawing every pin the client sets into {@code waves}. */
    public static StreamService jtagBitbang(Stm32F103 chip, long tckHz, ChipWaveforms waves) {
        RemoteBitbangServer server = bitbangServer(chip, new TckClock(chip.clock(), tckHz));
        server.observe(new RemoteBitbangServer.PinObserver() {
            @Override
            public void pins(boolean tck, boolean tms, boolean tdi, boolean tdo) {
                waves.jtagPins(tck, tms, tdi, tdo);
            }

            @Override
            public void resetPins(boolean trst, boolean srst) {
                waves.jtagResetPins(trst, srst);
            }
        });
        return server::serve;
    }

    /**
     * The JTAG-DP IDCODE that goes with an SW-DP DPIDR: the two pairs in facts §C.5 (genuine
     * 0x1BA01477/0x3BA00477, APM32 0x2BA01477/0x4BA00477) differ by 2 in the version field.
     */
    static int jtagIdcode(int dpidr) {
        return ((dpidr >>> 28) + 2) << 28 | 0x0BA0_0477;
    }
}
