package io.blueflash.sim.jtag;

import io.blueflash.sim.trace.SwdAck;
import io.blueflash.sim.debug.SwdResponse;
import io.blueflash.sim.debug.SwdTransactionPort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A minimal SW-DP + MEM-AP (word accesses, posted reads, TAR increment) recording each call. */
final class FakeSwdPort implements SwdTransactionPort {

    final Map<Integer, Integer> memory = new HashMap<>();
    final List<String> log = new ArrayList<>();
    int ctrlStat;
    int select;
    int tar;
    int posted;
    int rdbuff;
    /** AP reads still to answer WAIT. */
    int apWaitsLeft;
    boolean sticky;

    @Override
    public SwdResponse read(boolean ap, int address) {
        log.add((ap ? "AP" : "DP") + " R " + address);
        if (ap && apWaitsLeft > 0) {
            apWaitsLeft--;
            return new SwdResponse(SwdAck.WAIT, 0);
        }
        if (!ap) {
            return SwdResponse.ok(switch (address) {
                case 0x0 -> 0x1BA01477;
                case 0x4 -> ctrlStat | (sticky ? 1 << 5 : 0) | (ctrlStat & 0x5000_0000) << 1;
                case 0xC -> rdbuff;
                default -> 0;
            });
        }
        if (sticky) {
            return new SwdResponse(SwdAck.FAULT, 0);
        }
        int value = switch (address) {
            case 0x4 -> tar;
            case 0xC -> {
                if (tar == 0xDEAD0000) {
                    sticky = true;
                    yield 0;
                }
                int v = memory.getOrDefault(tar, 0);
                tar += 4;
                yield v;
            }
            default -> 0;
        };
        int previous = posted;
        posted = value;
        rdbuff = value;
        return SwdResponse.ok(previous);
    }

    @Override
    public SwdResponse write(boolean ap, int address, int value) {
        log.add((ap ? "AP" : "DP") + " W " + address + " " + Integer.toHexString(value));
        if (!ap) {
            switch (address) {
                case 0x0 -> sticky &= (value & 1 << 2) == 0;
                case 0x4 -> ctrlStat = value;
                case 0x8 -> select = value;
                default -> {
                }
            }
            return SwdResponse.ok();
        }
        if (sticky) {
            return new SwdResponse(SwdAck.FAULT, 0);
        }
        if (address == 0x4) {
            tar = value;
        } else if (address == 0xC) {
            memory.put(tar, value);
            tar += 4;
        }
        return SwdResponse.ok();
    }

    @Override
    public void lineReset() {
        log.add("line reset");
    }
}
