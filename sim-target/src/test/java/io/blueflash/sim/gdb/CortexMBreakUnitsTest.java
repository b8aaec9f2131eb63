package io.blueflash.sim.gdb;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GDB's Z packets as FPB and DWT register writes (ARMv7-M ARM C1.11.4, C1.8.7), on a register map. */
class CortexMBreakUnitsTest {

    private final Map<Integer, Integer> registers = new HashMap<>(Map.of(
            CortexMBreakUnits.FP_CTRL, 0x0000_0260,   // FPB rev 0: 6 code, 2 literal comparators
            CortexMBreakUnits.DWT_CTRL, 0x4000_0000)); // 4 DWT comparators
    private final CortexMBreakUnits units = new CortexMBreakUnits(a -> registers.getOrDefault(a, 0),
            (a, v) -> {
                // FP_CTRL: NUM_CODE/NUM_LIT are read-only, KEY (bit 1) must be 1 for ENABLE (bit 0) to change
                registers.put(a, a == CortexMBreakUnits.FP_CTRL ? registers.get(a) & ~1 | ((v & 2) != 0 ? v & 1 : 0) : v);
                return 0;
            });

    @Test
    void givenBreakpointsAtBothHalfWords_whenInserted_thenFpCompSelectsTheHalfWordAndFpbIsEnabled() {
        assertThat(units.insertBreakpoint(0x0800_0100)).isTrue();
        assertThat(units.insertBreakpoint(0x0800_0202)).isTrue();

        assertThat(registers.get(CortexMBreakUnits.FP_COMP0)).isEqualTo(0x4800_0101);
        assertThat(registers.get(CortexMBreakUnits.FP_COMP0 + 4)).isEqualTo(0x8800_0201);
        assertThat(registers.get(CortexMBreakUnits.FP_CTRL)).as("ENABLE set, comparator counts kept").isEqualTo(0x261);
    }

    @Test
    void givenAllSixCodeComparatorsTaken_whenAnotherBreakpoint_thenRefusedUntilOneIsRemoved() {
        for (int i = 0; i < 6; i++) {
            assertThat(units.insertBreakpoint(0x0800_0000 + 4 * i)).isTrue();
        }
        assertThat(units.insertBreakpoint(0x0800_1000)).isFalse();

        assertThat(units.removeBreakpoint(0x0800_0008)).isTrue();
        assertThat(registers.get(CortexMBreakUnits.FP_COMP0 + 8)).isZero();
        assertThat(units.insertBreakpoint(0x0800_1000)).isTrue();
    }

    @Test
    void givenSramAddress_whenBreakpoint_thenRefusedBecauseTheFpbOnlyCoversTheCodeRegion() {
        assertThat(units.insertBreakpoint(0x2000_0000)).isFalse();
    }

    @Test
    void givenWriteWatchpointOnAWord_whenInsertedAndMatched_thenDwtIsProgrammedAndTheStopReasonNamesIt() {
        assertThat(units.insertWatchpoint(CortexMBreakUnits.Watch.WRITE, 0x2000_0210, 4)).isTrue();

        int base = CortexMBreakUnits.DWT_COMP0;
        assertThat(registers.get(base)).isEqualTo(0x2000_0210);
        assertThat(registers.get(base + 4)).isEqualTo(2);
        assertThat(registers.get(base + 8)).isEqualTo(6);
        assertThat(units.watchStopReason()).isEmpty();

        registers.put(base + 8, 6 | CortexMBreakUnits.DWT_MATCHED);
        assertThat(units.watchStopReason()).isEqualTo("watch:20000210;");
    }

    @Test
    void givenUnalignedOrOddLengthWatch_whenInserted_thenRefused() {
        assertThat(units.insertWatchpoint(CortexMBreakUnits.Watch.READ, 0x2000_0211, 4)).isFalse();
        assertThat(units.insertWatchpoint(CortexMBreakUnits.Watch.ACCESS, 0x2000_0210, 3)).isFalse();
    }
}
