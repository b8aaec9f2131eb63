package io.blueflash.sim.chip.periph;

import io.blueflash.sim.bus.BusDevice;
import io.blueflash.sim.bus.BusMaster;
import io.blueflash.sim.bus.Density;
import io.blueflash.sim.bus.InterruptLines;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.trace.SimTracer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The run-time peripherals of one STM32F103 (RM0008 §3.3 Table 3), built for its density and
 * mapped onto its bus: RCC with the clock tree, GPIO ports, AFIO, EXTI, USARTs, the time base of
 * TIM1–TIM8, RTC, IWDG and CRC modelled,
 * every other peripheral of the map as a register file, each behind its RCC clock gate. Addresses the manual leaves reserved are not
 * mapped, so they still bus-fault. The FPEC (FLASH_ACR) and DBGMCU live in the chip itself.
 */
public final class Peripherals {

    /** How the chip maps one slave: {@code bus.map(base, size, name, device, false)}. */
    @FunctionalInterface
    public interface Mapper {
        void map(int base, int size, String name, BusDevice device);
    }

    /**
     * What the peripherals need from the chip around them.
     *
     * @param iwdgDebugStop    DBGMCU_CR.DBG_IWDG_STOP
     * @param hardwareWatchdog FLASH_OBR.WDG_SW is 0 (as loaded at the last reset)
     * @param systemReset      the chip's system reset path, for the watchdog
     */
    public record Hooks(Density density, SimClock clock, SimTracer tracer, BooleanSupplier iwdgDebugStop,
                        BooleanSupplier hardwareWatchdog, Consumer<Rcc.ResetCause> systemReset) {
    }

    private record Slot(int base, int size, String name, Peripheral device, Rcc.Bus bus, int enableBit,
                        boolean backupDomain) {
    }

    private final Hooks hooks;
    private final Forwarder lines = new Forwarder();
    private final List<Slot> slots = new ArrayList<>();
    private final Map<Long, Peripheral> byResetBit = new HashMap<>();
    private final PlainRegisters pwr = new PlainRegisters("PWR", true, Map.of());
    private final Rcc rcc;
    private final Iwdg iwdg;
    private final Afio afio = new Afio();
    private final Exti exti;
    private final Rtc rtc;
    private final CrcUnit crc = new CrcUnit();
    private final GpioPort[] gpio;
    private final Usart[] usarts;
    private final Map<String, Tim> timers = new HashMap<>();

    public Peripherals(Hooks hooks) {
        this.hooks = hooks;
        Density d = hooks.density();
        boolean hd = d != Density.MEDIUM;
        boolean xl = d == Density.XL;
        this.rcc = new Rcc(hooks.clock(), hooks.tracer(), lines, enableMasks(d),
                () -> (pwr.read(0, 4, BusMaster.CPU) & 1 << 8) != 0);
        rcc.onResetPulse((bus, bit) -> {
            Peripheral p = byResetBit.get(key(bus, bit));
            if (p != null) {
                p.reset();
            }
        });
        rcc.onBackupDomainReset(this::backupDomainReset);
        this.iwdg = new Iwdg(hooks.clock(), hooks.tracer(), hooks.iwdgDebugStop(), hooks.hardwareWatchdog(),
                () -> hooks.systemReset().accept(Rcc.ResetCause.IWDG));
        this.gpio = new GpioPort[hd ? 7 : 5];
        for (int i = 0; i < gpio.length; i++) {
            gpio[i] = new GpioPort((char) ('A' + i), hooks.clock(), hooks.tracer());
        }
        this.exti = new Exti(lines, afio::extiPort);
        for (GpioPort port : gpio) {
            port.connectExti(exti);
        }
        this.rtc = new Rtc(rcc::rtcClockHz, hooks.clock(), lines);
        rcc.addClockListener(rtc::clockChanged);
        this.usarts = new Usart[hd ? 5 : 3];
        int[] irqs = {37, 38, 39, 52, 53};
        for (int i = 0; i < usarts.length; i++) {
            LongSupplier pclk = i == 0 ? rcc::pclk2Hz : rcc::pclk1Hz;
            usarts[i] = new Usart(i + 1, irqs[i], pclk, hooks.clock(), hooks.tracer(), lines);
        }

        // APB1, 0x4000_0000 (RM0008 Table 3)
        timer(0x4000_0000, "TIM2", Tim.Kind.GENERAL, Rcc.Bus.APB1, 0, 28, 28);
        timer(0x4000_0400, "TIM3", Tim.Kind.GENERAL, Rcc.Bus.APB1, 1, 29, 29);
        timer(0x4000_0800, "TIM4", Tim.Kind.GENERAL, Rcc.Bus.APB1, 2, 30, 30);
        if (hd) {
            timer(0x4000_0C00, "TIM5", Tim.Kind.GENERAL, Rcc.Bus.APB1, 3, 50, 50);
            timer(0x4000_1000, "TIM6", Tim.Kind.BASIC, Rcc.Bus.APB1, 4, 54, 54);
            timer(0x4000_1400, "TIM7", Tim.Kind.BASIC, Rcc.Bus.APB1, 5, 55, 55);
        }
        if (xl) {
            plain(0x4000_1800, "TIM12", Rcc.Bus.APB1, 6, Map.of());
            plain(0x4000_1C00, "TIM13", Rcc.Bus.APB1, 7, Map.of());
            plain(0x4000_2000, "TIM14", Rcc.Bus.APB1, 8, Map.of());
        }
        add(0x4000_2800, 0x400, "RTC", rtc, null, -1, true);
        plain(0x4000_2C00, "WWDG", Rcc.Bus.APB1, 11, Map.of(0x00, 0x7F, 0x04, 0x7F));
        add(0x4000_3000, 0x400, "IWDG", iwdg, null, -1, false);
        plain(0x4000_3800, "SPI2", Rcc.Bus.APB1, 14, spiResetValues());
        if (hd) {
            plain(0x4000_3C00, "SPI3", Rcc.Bus.APB1, 15, spiResetValues());
        }
        add(0x4000_4400, 0x400, "USART2", usarts[1], Rcc.Bus.APB1, 17, false);
        add(0x4000_4800, 0x400, "USART3", usarts[2], Rcc.Bus.APB1, 18, false);
        if (hd) {
            add(0x4000_4C00, 0x400, "UART4", usarts[3], Rcc.Bus.APB1, 19, false);
            add(0x4000_5000, 0x400, "UART5", usarts[4], Rcc.Bus.APB1, 20, false);
        }
        plain(0x4000_5400, "I2C1", Rcc.Bus.APB1, 21, Map.of(0x20, 0x0002));
        plain(0x4000_5800, "I2C2", Rcc.Bus.APB1, 22, Map.of(0x20, 0x0002));
        plain(0x4000_5C00, "USB", Rcc.Bus.APB1, 23, Map.of(0x40, 0x0003));
        PlainRegisters packetMemory = new PlainRegisters("USB/CAN SRAM", true, Map.of());
        add(0x4000_6000, 0x400, "USB/CAN SRAM", new ClockGate(packetMemory,
                () -> rcc.clockEnabled(Rcc.Bus.APB1, 23) || rcc.clockEnabled(Rcc.Bus.APB1, 25)), null, -1, false);
        plain(0x4000_6400, "CAN1", Rcc.Bus.APB1, 25,
                Map.of(0x00, 0x0001_0002, 0x04, 0x0000_0C02, 0x08, 0x1C00_0000, 0x1C, 0x0123_0000));
        PlainRegisters bkp = new PlainRegisters("BKP", true, Map.of());
        add(0x4000_6C00, 0x400, "BKP", new ClockGate(bkp, () -> rcc.clockEnabled(Rcc.Bus.APB1, 27),
                this::backupWritable), Rcc.Bus.APB1, 27, true);
        add(0x4000_7000, 0x400, "PWR", pwr, Rcc.Bus.APB1, 28, false);
        if (hd) {
            plain(0x4000_7400, "DAC", Rcc.Bus.APB1, 29, Map.of());
        }

        // APB2, 0x4001_0000
        add(0x4001_0000, 0x400, "AFIO", afio, Rcc.Bus.APB2, 0, false);
        add(0x4001_0400, 0x400, "EXTI", exti, null, -1, false);
        for (int i = 0; i < gpio.length; i++) {
            add(0x4001_0800 + 0x400 * i, 0x400, "GPIO" + gpio[i].name(), gpio[i], Rcc.Bus.APB2, 2 + i, false);
        }
        plain(0x4001_2400, "ADC1", Rcc.Bus.APB2, 9, Map.of());
        plain(0x4001_2800, "ADC2", Rcc.Bus.APB2, 10, Map.of());
        timer(0x4001_2C00, "TIM1", Tim.Kind.ADVANCED, Rcc.Bus.APB2, 11, 25, 27);
        plain(0x4001_3000, "SPI1", Rcc.Bus.APB2, 12, spiResetValues());
        if (hd) {
            timer(0x4001_3400, "TIM8", Tim.Kind.ADVANCED, Rcc.Bus.APB2, 13, 44, 46);
        }
        add(0x4001_3800, 0x400, "USART1", usarts[0], Rcc.Bus.APB2, 14, false);
        if (hd) {
            plain(0x4001_3C00, "ADC3", Rcc.Bus.APB2, 15, Map.of());
        }
        if (xl) {
            plain(0x4001_4C00, "TIM9", Rcc.Bus.APB2, 19, Map.of());
            plain(0x4001_5000, "TIM10", Rcc.Bus.APB2, 20, Map.of());
            plain(0x4001_5400, "TIM11", Rcc.Bus.APB2, 21, Map.of());
        }

        // AHB
        if (hd) {
            ahb(0x4001_8000, "SDIO", 10, Map.of());
        }
        ahb(0x4002_0000, "DMA1", 0, Map.of());
        if (hd) {
            ahb(0x4002_0400, "DMA2", 1, Map.of());
        }
        add(Rcc.BASE, 0x400, "RCC", rcc, null, -1, false);
        add(0x4002_3000, 0x400, "CRC", crc, Rcc.Bus.AHB, 6, false);
        if (hd) {
            ahb(0xA000_0000, "FSMC", 8, Map.of(0x00, 0x30DB, 0x04, 0x0FFF_FFFF, 0x08, 0x30D2, 0x0C, 0x0FFF_FFFF,
                    0x10, 0x30D2, 0x14, 0x0FFF_FFFF, 0x18, 0x30D2, 0x1C, 0x0FFF_FFFF));
        }
    }

    /** Maps every peripheral; call once while building the chip's bus. */
    public void mapInto(Mapper mapper) {
        for (Slot slot : slots) {
            mapper.map(slot.base(), slot.size(), slot.name(), slot.device());
        }
    }

    /** Connects the NVIC; lines already high are raised on it at once. */
    public void connectInterrupts(InterruptLines nvic) {
        lines.connect(nvic);
    }

    public Rcc rcc() {
        return rcc;
    }

    public Iwdg iwdg() {
        return iwdg;
    }

    public Afio afio() {
        return afio;
    }

    /** TIM1 … TIM8 as the density has them ("TIM2"); TIM9–TIM14 of XL parts are register files. */
    public Tim timer(String name) {
        Tim tim = timers.get(name.toUpperCase(java.util.Locale.ROOT));
        if (tim == null) {
            throw new IllegalArgumentException("no " + name + " timer on this chip: " + new java.util.TreeSet<>(timers.keySet()));
        }
        return tim;
    }

    public Rtc rtc() {
        return rtc;
    }

    public Exti exti() {
        return exti;
    }

    public CrcUnit crc() {
        return crc;
    }

    /** GPIOA … GPIOE (… GPIOG on high density and XL). */
    public GpioPort gpio(char port) {
        int i = Character.toUpperCase(port) - 'A';
        if (i < 0 || i >= gpio.length) {
            throw new IllegalArgumentException("no GPIO" + port + " on this chip: GPIOA..GPIO" + (char) ('A' + gpio.length - 1));
        }
        return gpio[i];
    }

    /** USART1 … USART3 (UART4/5 as 4 and 5 on high density and XL). */
    public Usart usart(int n) {
        if (n < 1 || n > usarts.length) {
            throw new IllegalArgumentException("no USART" + n + " on this chip: USART1.." + usarts.length);
        }
        return usarts[n - 1];
    }

    /** System reset (RM0008 §7.1.2): every peripheral but the backup domain (BKP, RTC, RCC_BDCR). */
    public void systemReset(Rcc.ResetCause cause) {
        for (Slot slot : slots) {
            if (!slot.backupDomain() && slot.device() != rcc) {
                slot.device().reset();
            }
        }
        rtc.systemReset();
        rcc.systemReset(cause);
    }

    /** Power-on reset: everything, the backup domain included (VBAT follows VDD on a Blue Pill). */
    public void powerOnReset() {
        for (Slot slot : slots) {
            if (slot.device() != rcc) {
                slot.device().reset();
            }
        }
        rcc.powerOnReset();
    }

    private void backupDomainReset() {
        for (Slot slot : slots) {
            if (slot.backupDomain()) {
                slot.device().reset();
            }
        }
    }

    /** PWR_CR.DBP (RM0008 §5.4.1): the backup domain accepts writes only while it is set. */
    private boolean backupWritable() {
        return (pwr.read(0, 4, BusMaster.CPU) & 1 << 8) != 0;
    }

    private void timer(int base, String name, Tim.Kind kind, Rcc.Bus bus, int bit, int updateIrq, int otherIrq) {
        LongSupplier clock = bus == Rcc.Bus.APB2 ? rcc::timerClock2Hz : rcc::timerClock1Hz;
        Tim tim = new Tim(name, kind, clock, hooks.clock(), lines, updateIrq, otherIrq);
        rcc.addClockListener(tim::clockChanged);
        timers.put(name, tim);
        add(base, 0x400, name, tim, bus, bit, false);
    }

    private void plain(int base, String name, Rcc.Bus bus, int bit, Map<Integer, Integer> resetValues) {
        add(base, 0x400, name, new PlainRegisters(name, true, resetValues), bus, bit, false);
    }

    private void ahb(int base, String name, int bit, Map<Integer, Integer> resetValues) {
        add(base, 0x400, name, new PlainRegisters(name, false, resetValues), Rcc.Bus.AHB, bit, false);
    }

    private void add(int base, int size, String name, Peripheral device, Rcc.Bus bus, int bit, boolean backupDomain) {
        Peripheral mapped = device;
        if (bus != null && !(device instanceof ClockGate)) {
            mapped = new ClockGate(device, () -> rcc.clockEnabled(bus, bit) && !rcc.heldInReset(bus, bit));
        }
        if (bus != null && bus != Rcc.Bus.AHB) {
            byResetBit.put(key(bus, bit), device);
        }
        slots.add(new Slot(base, size, name, mapped, bus, bit, backupDomain));
    }

    private static long key(Rcc.Bus bus, int bit) {
        return (long) bus.ordinal() << 32 | bit;
    }

    private static Map<Integer, Integer> spiResetValues() {
        return Map.of(0x08, 0x0002, 0x10, 0x0007, 0x20, 0x0002);
    }

    /**
     * Enable bits per density (RM0008 §7.3.6–§7.3.8): an STM32F103RB reads APB1ENR = 0x1AE6_4807
     * after 0xFFFF_FFFF is written (ST community, 2011).
     */
    static Rcc.EnableMasks enableMasks(Density density) {
        return switch (density) {
            case MEDIUM -> new Rcc.EnableMasks(0x0055, 0x1AE6_4807, 0x0000_5E7D);
            case HIGH -> new Rcc.EnableMasks(0x0557, 0x3AFE_C83F, 0x0000_FFFD);
            case XL -> new Rcc.EnableMasks(0x0557, 0x3AFE_C9FF, 0x0038_FFFD);
        };
    }

    /** Forwards IRQ lines to whichever NVIC is connected, remembering their levels for a late connection. */
    private static final class Forwarder implements InterruptLines {
        private final boolean[] high = new boolean[68];
        private InterruptLines target = InterruptLines.NONE;

        @Override
        public void setLine(int irq, boolean asserted) {
            high[irq] = asserted;
            target.setLine(irq, asserted);
        }

        void connect(InterruptLines nvic) {
            target = nvic == null ? InterruptLines.NONE : nvic;
            for (int irq = 0; irq < high.length; irq++) {
                if (high[irq]) {
                    target.setLine(irq, true);
                }
            }
        }
    }
}
