package io.blueflash.contract;

import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryBlocks;
import io.blueflash.port.out.MemoryFaultException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scripted {@link MemoryAccess} that records every access as one line ("W32 FLASH_CR 0x00000080",
 * "R32 FLASH_SR", "W16 0x08000000 0x1234", "BLOCK16 0x08000000 16") so tests can assert exact
 * register sequences (probe-rs {@code FakeProbe} expectations). Reads return the scripted values
 * of an address in order, the last one repeating; unscripted reads return 0.
 */
public class RecordingMemoryAccess implements MemoryAccess {

    private final List<String> log = new ArrayList<>();
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, Deque<Integer>> answers = new HashMap<>();
    private final Set<Integer> faulting = new HashSet<>();

    /** Gives {@code address} a name used in the log. */
    public RecordingMemoryAccess name(int address, String name) {
        names.put(address, name);
        return this;
    }

    /** Successive reads of {@code address} return {@code values}; the last repeats. */
    public RecordingMemoryAccess answer(int address, int... values) {
        Deque<Integer> queue = answers.computeIfAbsent(address, a -> new ArrayDeque<>());
        for (int v : values) {
            queue.add(v);
        }
        return this;
    }

    /** Any access to {@code address} (or a block containing it) is a bus fault. */
    public RecordingMemoryAccess failOn(int address) {
        faulting.add(address);
        return this;
    }

    public List<String> log() {
        return List.copyOf(log);
    }

    public void clearLog() {
        log.clear();
    }

    @Override
    public int read32(int address) {
        return read("R32", address);
    }

    @Override
    public int read16(int address) {
        return read("R16", address) & 0xFFFF;
    }

    @Override
    public int read8(int address) {
        return read("R8", address) & 0xFF;
    }

    @Override
    public void write32(int address, int value) {
        write("W32", address, String.format("0x%08X", value));
    }

    @Override
    public void write16(int address, int value) {
        write("W16", address, String.format("0x%04X", value & 0xFFFF));
    }

    @Override
    public void write8(int address, int value) {
        write("W8", address, String.format("0x%02X", value & 0xFF));
    }

    @Override
    public byte[] readBlock(int address, int length) {
        log.add(String.format("READ 0x%08X %d", address, length));
        checkFault(address, length);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i += 4) {
            Deque<Integer> q = answers.get(address + i);
            int word = q == null ? 0 : q.size() > 1 ? q.poll() : q.peek();
            for (int b = 0; b < 4 && i + b < length; b++) {
                out[i + b] = (byte) (word >>> 8 * b);
            }
        }
        return out;
    }

    @Override
    public void writeBlock(int address, byte[] data, AccessWidth width) {
        MemoryBlocks.checkAligned(address, data.length, width);
        log.add(String.format("BLOCK%d %s %d", width.bytes() * 8, label(address), data.length));
        checkFault(address, data.length);
    }

    private int read(String kind, int address) {
        log.add(kind + " " + label(address));
        checkFault(address, 1);
        Deque<Integer> q = answers.get(address);
        if (q == null || q.isEmpty()) {
            return 0;
        }
        return q.size() > 1 ? q.poll() : q.peek();
    }

    private void write(String kind, int address, String value) {
        log.add(kind + " " + label(address) + " " + value);
        checkFault(address, 1);
    }

    private void checkFault(int address, int length) {
        for (int f : faulting) {
            long offset = Integer.toUnsignedLong(f) - Integer.toUnsignedLong(address);
            if (offset >= 0 && offset < Math.max(length, 1)) {
                throw new MemoryFaultException(f, String.format("bus fault at 0x%08X (scripted)", f));
            }
        }
    }

    private String label(int address) {
        return names.getOrDefault(address, String.format("0x%08X", address));
    }
}
