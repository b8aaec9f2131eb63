package io.blueflash.sim.chip;

import io.blueflash.sim.bus.BusDevice;
import io.blueflash.sim.bus.BusMaster;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTracer;
/**
 * The information block (facts §A.1): ROM bootloader, then F_SIZE (0x1FFF_F7E0, KB, 16-bit) and the
 * 96-bit unique ID (0x1FFF_F7E8), then the option bytes (0x1FFF_F800, handled by the FPEC).
 * The ROM holds a recognisable stand-in (its vector table points into itself), not ST's code.
 */
final class SystemMemory implements BusDevice {

    static final int ID_AREA = 0x1FFF_F7E0;
    static final int F_SIZE = 0x1FFF_F7E0;
    static final int UNIQUE_ID = 0x1FFF_F7E8;

    private final int base;
    private final byte[] rom;
    private final FlashController fpec;
    private final SimTracer tracer;
    private final SimClock clock;

    SystemMemory(SimProfile profile, FlashController fpec, SimClock clock, SimTracer tracer) {
        this.base = profile.density().systemMemoryBase();
        this.fpec = fpec;
        this.clock = clock;
        this.tracer = tracer;
        this.rom = new byte[OptionBytes.BASE - base];
        java.util.Arrays.fill(rom, (byte) 0xFF);
        put(0, 0x2000_0200 - 4);                       // initial SP below the bootloader's RAM (facts §A.2)
        put(4, base + 0x101);                          // reset vector (Thumb) into the ROM
        rom[0x100] = (byte) 0x30;                      // ... where the core sleeps (wfi; b .-2) while the
        rom[0x101] = (byte) 0xBF;                      // bootloader protocol is served by the emulator: a sleeping
        rom[0x102] = (byte) 0xFD;                      // core skips ahead to its next event, so idle time costs
        rom[0x103] = (byte) 0xE7;                      // no interpretation (a reset with BOOT0 high lands here)
        put(ID_AREA - base, profile.flashSizeRegisterKb() & 0xFFFF | 0xFFFF_0000);
        put(UNIQUE_ID - base, profile.uniqueId().get(0));
        put(UNIQUE_ID - base + 4, profile.uniqueId().get(1));
        put(UNIQUE_ID - base + 8, profile.uniqueId().get(2));
    }

    private void put(int offset, int word) {
        for (int i = 0; i < 4; i++) {
            rom[offset + i] = (byte) (word >>> (8 * i));
        }
    }

    int size() {
        return rom.length + OptionBytes.SIZE;
    }

    @Override
    public int read(int offset, int size, BusMaster master) {
        if (offset >= rom.length) {
            return fpec.readOptionBytes(offset - rom.length, size);
        }
        int value = 0;
        for (int i = 0; i < size; i++) {
            value |= (rom[offset + i] & 0xFF) << (8 * i);
        }
        return value;
    }

    @Override
    public void write(int offset, int size, int value, BusMaster master) {
        if (offset >= rom.length) {
            fpec.writeOptionBytes(offset - rom.length, size, value, master);
            return;
        }
        tracer.emit(() -> new SimTraceEvent.FlashEvent(clock.nanos(),
                String.format("write to system memory 0x%08X ignored (ROM)", base + offset)));
    }
}
