package io.blueflash.sim.chip;

import java.util.Set;
import java.util.TreeSet;

/**
 * Faults a test or a teacher can inject (DESIGN §3, issue 3): WAIT storms on the SW-DP, a bus
 * error at an address, power loss after N bus writes, an NRST pin that is not wired, read data
 * with a wrong parity bit on the bit-level SWD line.
 * Everything is off by default; {@link #clear()} turns it all off again.
 */
public final class FaultInjector {

    private int waitTransactions;
    private int corruptReadParities;
    private final Set<Long> faultAddresses = new TreeSet<>();
    private long busWritesBeforePowerLoss = -1;
    private boolean nrstNotWired;

    /** The next {@code transactions} SWD transactions (any DP/AP register) answer WAIT. */
    public FaultInjector waitStorm(int transactions) {
        if (transactions < 0) {
            throw new IllegalArgumentException("'transactions' must not be negative: " + transactions);
        }
        waitTransactions = transactions;
        return this;
    }

    /**
     * The next {@code reads} OK read transactions on the bit-level SWD line carry a wrong data
     * parity bit (a corrupted response, DESIGN §3): the host must notice and retry.
     */
    public FaultInjector corruptReadParity(int reads) {
        if (reads < 0) {
            throw new IllegalArgumentException("'reads' must not be negative: " + reads);
        }
        corruptReadParities = reads;
        return this;
    }

    /** Any bus access touching the byte at {@code address} gets an AHB error (STICKYERR behind the AP). */
    public FaultInjector faultOnAddress(int address) {
        faultAddresses.add(Integer.toUnsignedLong(address));
        return this;
    }

    /**
     * Power is lost right after the {@code writes}-th bus write from now (any master, any address):
     * half-words already programmed stay, the flash operation in flight leaves undefined bits, and the
     * chip answers nothing until {@code powerCycle()}.
     */
    public FaultInjector powerLossAfterBusWrites(long writes) {
        if (writes <= 0) {
            throw new IllegalArgumentException("'writes' must be positive: " + writes);
        }
        busWritesBeforePowerLoss = writes;
        return this;
    }

    /** The probe's NRST wire is not connected: driving it has no effect (facts §C.6). */
    public FaultInjector nrstNotWired(boolean notWired) {
        nrstNotWired = notWired;
        return this;
    }

    public FaultInjector clear() {
        waitTransactions = 0;
        corruptReadParities = 0;
        faultAddresses.clear();
        busWritesBeforePowerLoss = -1;
        nrstNotWired = false;
        return this;
    }

    public int pendingWaitTransactions() {
        return waitTransactions;
    }

    public boolean isNrstNotWired() {
        return nrstNotWired;
    }

    /** Consumes one WAIT of a storm; true when this transaction must answer WAIT. */
    boolean takeWait() {
        if (waitTransactions > 0) {
            waitTransactions--;
            return true;
        }
        return false;
    }

    /** Consumes one parity corruption; true when this read's parity bit must be wrong. */
    boolean takeParityCorruption() {
        if (corruptReadParities > 0) {
            corruptReadParities--;
            return true;
        }
        return false;
    }

    /** True when no address faults are injected (the core may then bypass the bus for SRAM and flash). */
    boolean noAddressFaults() {
        return faultAddresses.isEmpty();
    }

    boolean faultsAt(int address, int size) {
        if (faultAddresses.isEmpty()) {
            return false;
        }
        long start = Integer.toUnsignedLong(address);
        for (long a = start; a < start + size; a++) {
            if (faultAddresses.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** Counts one bus write; true when power must be lost now. */
    boolean countBusWrite() {
        if (busWritesBeforePowerLoss > 0 && --busWritesBeforePowerLoss == 0) {
            busWritesBeforePowerLoss = -1;
            return true;
        }
        return false;
    }
}
