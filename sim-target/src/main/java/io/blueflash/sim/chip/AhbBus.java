package io.blueflash.sim.chip;

import io.blueflash.sim.bus.BusDevice;
import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.bus.BusMaster;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.bus.SystemBus;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTracer;
import java.util.Arrays;

/**
 * The chip's AHB: routes an access to the slave mapped at its address (facts §A.1), checks
 * alignment, injected faults, power and NRST, counts writes for power-loss injection and traces
 * every access with its decoded register name. An unmapped address is a bus error. The debugger's
 * AHB-AP only issues aligned transfers (an unaligned one is a bus error); the Cortex-M3 splits an
 * unaligned firmware access into byte accesses, as its unaligned-access support does.
 */
final class AhbBus {

    /** One slave on the map; {@code debugDomain} slaves (the PPB) stay reachable while NRST is held. */
    record Region(long base, long size, String name, BusDevice device, boolean debugDomain) {
        boolean contains(long address, int accessSize) {
            return address >= base && address + accessSize <= base + size;
        }
    }

    interface Chip {
        boolean powered();

        boolean heldInReset();

        /** Called when injected power loss strikes after a write. */
        void losePower();
    }

    /** Copied on {@link #map}: routing walks a plain array (no iterator per bus access). */
    private Region[] regions = new Region[0];
    private final SimClock clock;
    private final SimTracer tracer;
    private final FaultInjector faults;
    private final BusAccessDecoder decoder;
    private final Chip chip;

    AhbBus(SimClock clock, SimTracer tracer, FaultInjector faults, BusAccessDecoder decoder, Chip chip) {
        this.clock = clock;
        this.tracer = tracer;
        this.faults = faults;
        this.decoder = decoder;
        this.chip = chip;
    }

    void map(int base, long size, String name, BusDevice device, boolean debugDomain) {
        Region[] grown = Arrays.copyOf(regions, regions.length + 1);
        grown[regions.length] = new Region(Integer.toUnsignedLong(base), size, name, device, debugDomain);
        regions = grown;
    }

    SystemBus view(BusMaster master) {
        return new SystemBus() {
            @Override
            public int read(int address, int size) {
                return AhbBus.this.read(master, address, size);
            }

            @Override
            public void write(int address, int size, int value) {
                AhbBus.this.write(master, address, size, value);
            }
        };
    }

    int read(BusMaster master, int address, int size) {
        if (master == BusMaster.CPU && (address & (size - 1)) != 0 && size > 1) {
            int value = 0;
            for (int i = 0; i < size; i++) {
                value |= read(master, address + i, 1) << (8 * i);
            }
            return value;
        }
        try {
            Region region = route(address, size);
            int value = region.device().read((int) (Integer.toUnsignedLong(address) - region.base()), size, master);
            if (tracer.active()) {
                tracer.emit(() -> new SimTraceEvent.BusAccess(clock.nanos(), master, false, address, size, value,
                        decoder.describe(false, address, size, value), null));
            }
            return value;
        } catch (BusFaultException fault) {
            traceFault(master, false, address, size, 0, fault);
            throw fault;
        }
    }

    void write(BusMaster master, int address, int size, int value) {
        if (master == BusMaster.CPU && (address & (size - 1)) != 0 && size > 1) {
            for (int i = 0; i < size; i++) {
                write(master, address + i, 1, value >>> (8 * i));
            }
            return;
        }
        int masked = size == 4 ? value : value & ((1 << (8 * size)) - 1);
        boolean reachedSlave = false;
        try {
            Region region = route(address, size);
            reachedSlave = true;
            region.device().write((int) (Integer.toUnsignedLong(address) - region.base()), size, masked, master);
            if (tracer.active()) {
                tracer.emit(() -> new SimTraceEvent.BusAccess(clock.nanos(), master, true, address, size, masked,
                        decoder.describe(true, address, size, masked), null));
            }
        } catch (BusFaultException fault) {
            traceFault(master, true, address, size, masked, fault);
            throw fault;
        } finally {
            // a write that reached a slave counts (even if the slave refused it); one that found no slave does not
            if (reachedSlave && chip.powered() && faults.countBusWrite()) {
                chip.losePower();
            }
        }
    }

    private Region route(int address, int size) {
        if (size != 1 && size != 2 && size != 4) {
            throw new IllegalArgumentException("access size must be 1, 2 or 4 bytes: " + size);
        }
        if (!chip.powered()) {
            throw new BusFaultException(address, "the target has no power (power cycle it)");
        }
        if ((address & (size - 1)) != 0) {
            throw new BusFaultException(address, "unaligned " + size * 8 + "-bit access");
        }
        if (faults.faultsAt(address, size)) {
            throw new BusFaultException(address, "injected fault");
        }
        long a = Integer.toUnsignedLong(address);
        for (Region region : regions) {
            if (region.contains(a, size)) {
                if (chip.heldInReset() && !region.debugDomain()) {
                    throw new BusFaultException(address, "the system is held in reset by NRST");
                }
                return region;
            }
        }
        throw new BusFaultException(address, "no memory or register is mapped here (RM0008 §3.3, memory map)");
    }

    private void traceFault(BusMaster master, boolean write, int address, int size, int value, BusFaultException fault) {
        tracer.emit(() -> new SimTraceEvent.BusAccess(clock.nanos(), master, write, address, size, value,
                decoder.describe(write, address, size, value), fault.getMessage()));
    }
}
