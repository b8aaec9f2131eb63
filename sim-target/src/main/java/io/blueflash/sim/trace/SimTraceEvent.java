package io.blueflash.sim.trace;

import io.blueflash.sim.bus.BusMaster;
import java.util.Objects;

/**
 * What the simulated chip tells a {@link SimTraceListener}: SWD transactions, decoded bus
 * accesses ({@code FLASH_CR <- PG|STRT}), flash events, GPIO edges, USART bytes and peripheral
 * events (clocks ready, watchdog), each stamped with simulated time.
 */
public sealed interface SimTraceEvent {

    /** Simulated time in ns when the event completed. */
    long simNanos();

    /** "swd", "bus", "flash", "gpio", "usart", "periph" or "core" (the {@code TraceSink} layer names). */
    String layer();

    /** One line for people, no newline. */
    String text();

    /** One SWD transaction at the DP (facts §C.1–§C.3); {@code data} is meaningful for OK reads and writes. */
    record SwdTransaction(long simNanos, boolean ap, boolean read, int address, String register, SwdAck ack,
                          int data) implements SimTraceEvent {
        public SwdTransaction {
            Objects.requireNonNull(register, "'register' must not be null");
            Objects.requireNonNull(ack, "'ack' must not be null");
        }

        @Override
        public String layer() {
            return "swd";
        }

        @Override
        public String text() {
            String port = ap ? "AP" : "DP";
            if (ack != SwdAck.OK) {
                return String.format("%s %s %s -> %s", port, read ? "read" : "write", register, ack);
            }
            return read ? String.format("%s read  %-9s -> 0x%08X", port, register, data)
                    : String.format("%s write %-9s <- 0x%08X", port, register, data);
        }
    }

    /** Something on the SWD wire that is not a transaction: line reset, JTAG-to-SWD switch, protocol error. */
    record SwdLineEvent(long simNanos, String text) implements SimTraceEvent {
        public SwdLineEvent {
            Objects.requireNonNull(text, "'text' must not be null");
        }

        @Override
        public String layer() {
            return "swd";
        }
    }

    /** A line reset on the SWD wire (≥50 cycles high, ADIv5 §B4.3.3): the next transaction must read DPIDR. */
    record SwdLineReset(long simNanos) implements SimTraceEvent {
        @Override
        public String layer() {
            return "swd";
        }

        @Override
        public String text() {
            return "line reset: next transaction must read DPIDR";
        }
    }

    /** The NRST pin driven low ({@code asserted}) or released by a probe (RM0008 §8.1.2). */
    record NrstEdge(long simNanos, boolean asserted) implements SimTraceEvent {
        @Override
        public String layer() {
            return "flash";
        }

        @Override
        public String text() {
            return asserted ? "NRST low: system held in reset" : "NRST high: reset released";
        }
    }

    /**
     * One AHB access with its decoded meaning, e.g. {@code DEBUG FLASH_CR <- PG}.
     *
     * @param description decoded register and bits (or memory region), without the master
     * @param fault       the reason for a bus error, or null when the access completed
     */
    record BusAccess(long simNanos, BusMaster master, boolean write, int address, int size, int value,
                     String description, String fault) implements SimTraceEvent {
        public BusAccess {
            Objects.requireNonNull(master, "'master' must not be null");
            Objects.requireNonNull(description, "'description' must not be null");
        }

        @Override
        public String layer() {
            return "bus";
        }

        @Override
        public String text() {
            String who = master == BusMaster.DEBUG ? "dbg" : "cpu";
            return fault == null ? who + " " + description : who + " " + description + " !! bus error: " + fault;
        }
    }

    /** A flash operation started, finished, was refused or lost (facts §B.4–§B.6). */
    record FlashEvent(long simNanos, String text) implements SimTraceEvent {
        public FlashEvent {
            Objects.requireNonNull(text, "'text' must not be null");
        }

        @Override
        public String layer() {
            return "flash";
        }
    }

    /**
     * A pin's level changed while the chip drives it (or stopped driving it), e.g. {@code PC13 high -> low}
     * (RM0008 §9.1).
     *
     * @param port 'A'..'G'
     */
    record GpioEdge(long simNanos, char port, int pin, boolean high) implements SimTraceEvent {
        public GpioEdge {
            if (pin < 0 || pin > 15) {
                throw new IllegalArgumentException("a GPIO pin is 0..15: " + pin);
            }
        }

        public String pinName() {
            return "P" + port + pin;
        }

        @Override
        public String layer() {
            return "gpio";
        }

        @Override
        public String text() {
            return pinName() + (high ? " low -> high" : " high -> low");
        }
    }

    /**
     * One USART frame completed on the wire (RM0008 §27.3): sent by the chip ({@code transmitted})
     * at the end of its stop bit, or received from the host.
     *
     * @param usart 1..5 (UART4/5 on high density)
     * @param data  the data bits (8 or 9, without a parity bit)
     */
    record UsartByte(long simNanos, int usart, boolean transmitted, int data) implements SimTraceEvent {
        @Override
        public String layer() {
            return "usart";
        }

        @Override
        public String text() {
            String c = data >= 0x20 && data < 0x7F ? " '" + (char) data + "'" : "";
            return String.format("USART%d %s 0x%02X%s", usart, transmitted ? "TX" : "RX", data, c);
        }
    }

    /** A run-time peripheral changed state by itself: an oscillator ready, SYSCLK switched, a watchdog reset. */
    record PeripheralEvent(long simNanos, String text) implements SimTraceEvent {
        public PeripheralEvent {
            Objects.requireNonNull(text, "'text' must not be null");
        }

        @Override
        public String layer() {
            return "periph";
        }
    }

    /** The executing core entered, returned from or tail-chained an exception, reset, or halted (ARMv7-M B1.5). */
    record ExceptionEvent(long simNanos, String text) implements SimTraceEvent {
        public ExceptionEvent {
            Objects.requireNonNull(text, "'text' must not be null");
        }

        @Override
        public String layer() {
            return "core";
        }
    }

    /** A fault in the firmware: its CFSR/HFSR cause, an escalation to HardFault, or a lockup (ARMv7-M B1.5.14–B1.5.15). */
    record FaultEvent(long simNanos, String text) implements SimTraceEvent {
        public FaultEvent {
            Objects.requireNonNull(text, "'text' must not be null");
        }

        @Override
        public String layer() {
            return "core";
        }
    }
}
