package io.blueflash.sim.stlink;

import java.util.HashMap;
import java.util.Map;

/** A target behind the emulated firmware: byte memory, one faulting region, scripted WAITs, a clock. */
final class FakeProbeTarget implements ProbeTarget {

    final Map<Integer, Byte> memory = new HashMap<>();
    final int[] coreRegisters = new int[21];
    int faultFrom = 0x6000_0000;
    int faultTo = 0x6000_1000;
    int waitsLeft;
    boolean unreachable;
    boolean nrst;
    long swdHz = 1_800_000;
    long nanos;
    int connects;

    @Override
    public int connect() {
        if (unreachable) {
            throw new TargetUnreachable("no ACK");
        }
        connects++;
        return 0x1BA0_1477;
    }

    @Override
    public int readDp(int address) {
        return address == 0 ? 0x1BA0_1477 : 0xF000_0040;
    }

    @Override
    public void writeDp(int address, int value) {
    }

    @Override
    public int readAp(int apsel, int address) {
        return address == 0xFC ? 0x1477_0011 : 0;
    }

    @Override
    public void writeAp(int apsel, int address, int value) {
    }

    private void access(int address, int length) {
        if (waitsLeft > 0) {
            waitsLeft--;
            throw new TargetWait(address, false, "WAIT");
        }
        for (int a = address; a < address + length; a++) {
            if (Integer.compareUnsigned(a, faultFrom) >= 0 && Integer.compareUnsigned(a, faultTo) < 0) {
                throw new TargetFault(a, false, "AHB error");
            }
        }
    }

    @Override
    public byte[] readBlock(int address, int length, int width) {
        access(address, length);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = memory.getOrDefault(address + i, (byte) 0);
        }
        return out;
    }

    @Override
    public void writeBlock(int address, byte[] data, int width) {
        access(address, data.length);
        for (int i = 0; i < data.length; i++) {
            memory.put(address + i, data[i]);
        }
    }

    @Override
    public int readCoreRegister(int regsel) {
        return coreRegisters[regsel];
    }

    @Override
    public void writeCoreRegister(int regsel, int value) {
        coreRegisters[regsel] = value;
    }

    @Override
    public void setNrst(boolean asserted) {
        nrst = asserted;
    }

    @Override
    public void setSwdFrequencyHz(long hz) {
        swdHz = hz;
    }

    @Override
    public void advanceNanos(long delta) {
        nanos += delta;
    }

    @Override
    public long nanos() {
        return nanos;
    }
}
