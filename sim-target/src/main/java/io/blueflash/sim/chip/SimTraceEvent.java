package io.blueflash.sim.chip;

import io.blueflash.sim.debug.SwdAck;
import java.util.Objects;

/**
 * What the simulated chip tells a {@link SimTraceListener}: SWD transactions, decoded bus
 * accesses ({@code FLASH_CR <- PG|STRT}) and flash events, each stamped with simulated time.
 */
public sealed interface SimTraceEvent {

    /** Simulated time in ns when the event completed. */
    long simNanos();

    /** "swd", "bus" or "flash" (the {@code TraceSink} layer names). */
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
}
