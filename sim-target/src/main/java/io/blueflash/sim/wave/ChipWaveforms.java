package io.blueflash.sim.wave;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTraceListener;
import java.util.Objects;

/**
 * The waveforms of one VCD file for one simulated chip, fed by the chip's trace (listen with
 * {@link Stm32F103#addTraceListener}) and by the front end that drives the chip (JTAG pins, UART
 * characters); {@link #close()} at the end. File time is chip time plus a fixed shift, so that a
 * session starts where the file's previous session (if any) ended.
 */
public final class ChipWaveforms implements SimTraceListener, AutoCloseable {

    /** The wires of a USART, named as RM0008 §9.3 Table 24 pins them on USART1: TX PA9, RX PA10. */
    public static final String USART1_TX = "USART1_TX", USART1_RX = "USART1_RX";

    private final Stm32F103 chip;
    private final VcdWriter vcd;
    private final long shiftNanos;
    private SwdWaveform swd;
    private JtagWaveform jtag;
    private UartWaveform hostToChip;
    private UartWaveform chipToHost;
    private UartWaveform.Framing bootloaderFraming;
    private GpioWaveform gpio;
    private final java.util.Map<Integer, UartWaveform[]> usarts = new java.util.HashMap<>();
    private long latestNanos;

    /**
     * Idle time drawn before the chip's present instant, so that a decoder sees the wires' idle levels
     * before the first edge (a UART start bit right at the start would be no edge at all).
     */
    public static final long LEAD_IN_NANOS = 100_000;

    /** @param startNanos the file time where this session's recording begins; the chip's present is {@link #LEAD_IN_NANOS} later */
    private ChipWaveforms(Stm32F103 chip, VcdWriter vcd, long startNanos) {
        this.chip = Objects.requireNonNull(chip, "'chip' must not be null");
        this.vcd = Objects.requireNonNull(vcd, "'vcd' must not be null");
        this.shiftNanos = startNanos + LEAD_IN_NANOS - chip.clock().nanos();
        this.latestNanos = startNanos + LEAD_IN_NANOS;
        vcd.beginAt(startNanos);
    }

    /**
     * The SWD connector (SWCLK, SWDIO, NRST) of {@code chip} as a probe on its SW-DP drives it.
     *
     * @param startNanos the file time where the recording begins (the chip's present instant follows a short lead-in)
     */
    public static ChipWaveforms swdProbe(Stm32F103 chip, VcdWriter vcd, long startNanos) {
        ChipWaveforms waves = new ChipWaveforms(chip, vcd, startNanos);
        waves.swd = new SwdWaveform(vcd, chip.debugPort()::frequencyHz, chip.debugPort()::idleCycles);
        return waves;
    }

    /**
     * The JTAG connector of {@code chip}, clocked at {@code tckHz} (the adapter speed the JTAG front end
     * prices TCK at); feed it with {@link #jtagPins} and {@link #jtagResetPins}.
     */
    public static ChipWaveforms jtagProbe(Stm32F103 chip, VcdWriter vcd, long startNanos, long tckHz) {
        ChipWaveforms waves = new ChipWaveforms(chip, vcd, startNanos);
        waves.jtag = new JtagWaveform(vcd, () -> tckHz);
        return waves;
    }

    /**
     * USART1's RX (host to chip) and TX (chip to host) as the ROM bootloader uses them (AN3155);
     * feed it with {@link #uartCharacter}.
     *
     * @param evenParity true at 8E1, the bootloader's framing; false at 8N1
     */
    public static ChipWaveforms bootloaderUart(Stm32F103 chip, VcdWriter vcd, long startNanos, int baud,
                                               boolean evenParity) {
        ChipWaveforms waves = new ChipWaveforms(chip, vcd, startNanos);
        waves.hostToChip = new UartWaveform(vcd, "usart1", USART1_RX);
        waves.chipToHost = new UartWaveform(vcd, "usart1", USART1_TX);
        waves.bootloaderFraming = evenParity ? UartWaveform.Framing.eightEvenOne(baud) : UartWaveform.Framing.eightNoneOne(baud);
        return waves;
    }

    /**
     * The pins of running firmware: every GPIO pin the package bonds out ({@link GpioWaveform#bondedPins})
     * and the TX and RX lines of every USART ({@code USART1_TX}, ..., {@code UART4_RX} on high density),
     * framed as the USART's registers say when each character ends.
     */
    public static ChipWaveforms firmwarePins(Stm32F103 chip, VcdWriter vcd, long startNanos) {
        ChipWaveforms waves = new ChipWaveforms(chip, vcd, startNanos);
        waves.addFirmwarePins();
        return waves;
    }

    /** Also draws the pins of running firmware (as {@link #firmwarePins}); before the first change only. */
    public ChipWaveforms withFirmwarePins() {
        addFirmwarePins();
        return this;
    }

    private void addFirmwarePins() {
        gpio = new GpioWaveform(vcd, GpioWaveform.bondedPins(chip.profile().name()), (port, pin) -> {
            try {
                return chip.gpio(port).level(pin);
            } catch (IllegalArgumentException noSuchPort) {
                return false;
            }
        });
        for (int n = 1; n <= 5; n++) {
            try {
                chip.usart(n);
            } catch (IllegalArgumentException noSuchUsart) {
                break;
            }
            String name = (n <= 3 ? "USART" : "UART") + n;
            usarts.put(n, new UartWaveform[] {new UartWaveform(vcd, name.toLowerCase(java.util.Locale.ROOT), name + "_TX"),
                    new UartWaveform(vcd, name.toLowerCase(java.util.Locale.ROOT), name + "_RX")});
        }
    }

    @Override
    public void onEvent(SimTraceEvent event) {
        long at = event.simNanos() + shiftNanos;
        latestNanos = Math.max(latestNanos, at);
        if (gpio != null) {
            if (event instanceof SimTraceEvent.GpioEdge edge) {
                gpio.edge(at, edge.port(), edge.pin(), edge.high());
            } else if (event instanceof SimTraceEvent.UsartByte b) {
                UartWaveform[] lines = usarts.get(b.usart());
                UartWaveform.Framing framing = UsartFraming.of(chip.usart(b.usart()));
                if (lines != null && framing != null) {
                    lines[b.transmitted() ? 0 : 1].character(at, b.data(), framing);
                }
            }
        }
        if (swd != null) {
            if (event instanceof SimTraceEvent.SwdTransaction t) {
                swd.transaction(at, t.ap(), t.read(), t.address(), t.ack(), t.data());
            } else if (event instanceof SimTraceEvent.SwdLineReset) {
                swd.lineReset(at);
            } else if (event instanceof SimTraceEvent.NrstEdge edge) {
                swd.nrst(at, edge.asserted());
            }
        }
    }

    /** A remote_bitbang client set TCK, TMS and TDI; the chain now drives {@code tdo}. */
    public void jtagPins(boolean tck, boolean tms, boolean tdi, boolean tdo) {
        jtag.pins(now(), tck, tms, tdi, tdo);
    }

    /** A remote_bitbang client set TRST and SRST (true = asserted). */
    public void jtagResetPins(boolean trst, boolean srst) {
        jtag.resetPins(now(), trst, srst);
    }

    /** A character's stop bit ended now on the bootloader's UART, sent by the host or by the chip. */
    public void uartCharacter(boolean fromHost, int value) {
        (fromHost ? hostToChip : chipToHost).character(now(), value, bootloaderFraming);
    }

    private long now() {
        long at = chip.clock().nanos() + shiftNanos;
        latestNanos = Math.max(latestNanos, at);
        return at;
    }

    /** GPIO edges drawn so far. */
    public long gpioEdges() {
        return gpio == null ? 0 : gpio.edges();
    }

    /** SWD transactions drawn so far. */
    public long swdTransactions() {
        return swd == null ? 0 : swd.transactions();
    }

    /** The file time of the last event seen: where a later session of the same file starts. */
    public long latestNanos() {
        return latestNanos;
    }

    /** True once the size cap or the time window ended the recording. */
    public boolean truncated() {
        return vcd.truncated();
    }

    /** Writes what is held back, ends the file at the chip's present instant and closes it. */
    @Override
    public void close() {
        try {
            vcd.finishAt(now());
        } finally {
            vcd.close();
        }
    }
}
