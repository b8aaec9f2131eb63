package io.blueflash.gdbserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.debug.cortexm.CortexMRegisters;
import io.blueflash.gdbserver.BreakpointUnits.Placement;
import io.blueflash.gdbserver.BreakpointUnits.Watch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BreakpointUnitsTest {

    private final WordMemory memory = new WordMemory();
    private final BreakpointUnits units = new BreakpointUnits(memory);

    @BeforeEach
    void cortexM3Units() {
        memory.write32(BreakpointUnits.FP_CTRL, 0x260);           // NUM_CODE 6, NUM_LIT 2
        memory.write32(BreakpointUnits.DWT_CTRL, 0x4000_0000);    // NUMCOMP 4
    }

    @Test
    void givenZ0InFlashOrZ1InCode_whenPlaced_thenTheFpbTakesThem_andZ0InSramIsASoftwareBreakpoint() {
        assertThat(BreakpointUnits.placementOf(0, 0x0800_0116)).isEqualTo(Placement.FPB);
        assertThat(BreakpointUnits.placementOf(1, 0x0800_0116)).isEqualTo(Placement.FPB);
        assertThat(BreakpointUnits.placementOf(0, 0x2000_0200)).isEqualTo(Placement.SOFTWARE);
        assertThat(BreakpointUnits.placementOf(1, 0x2000_0200)).as("the M3's FPB breaks in the code region only")
                .isEqualTo(Placement.REFUSED);
        assertThat(BreakpointUnits.placementOf(0, 0x4001_0800)).as("peripherals").isEqualTo(Placement.REFUSED);
        assertThat(BreakpointUnits.placementOf(0, 0x0800_0117)).as("odd address").isEqualTo(Placement.REFUSED);
    }

    @Test
    void givenBreakpointsOnBothHalvesOfAWord_whenInserted_thenFpCompSelectsTheHalfWithReplace() {
        assertThat(units.insertBreakpoint(0, 0x0800_0114)).isTrue();
        assertThat(units.insertBreakpoint(1, 0x0800_0116)).isTrue();

        assertThat(memory.read32(BreakpointUnits.FP_COMP0)).isEqualTo(0x4800_0115);     // REPLACE 01: lower half
        assertThat(memory.read32(BreakpointUnits.FP_COMP0 + 4)).isEqualTo(0x8800_0115); // REPLACE 10: upper half
        assertThat(memory.read32(BreakpointUnits.FP_CTRL) & 0b11).isEqualTo(0b11);      // KEY | ENABLE
        assertThat(units.isFpbBreakpoint(0x0800_0116)).isTrue();
    }

    @Test
    void givenSixFpbComparators_whenASeventhBreakpointIsAsked_thenItIsRefused_untilOneIsRemoved() {
        for (int i = 0; i < 6; i++) {
            assertThat(units.insertBreakpoint(1, 0x0800_0000 + 0x10 * i)).isTrue();
        }
        assertThat(units.insertBreakpoint(1, 0x0800_1000)).isFalse();

        assertThat(units.removeBreakpoint(0x0800_0020)).isTrue();
        assertThat(memory.read32(BreakpointUnits.FP_COMP0 + 8)).isZero();
        assertThat(units.insertBreakpoint(1, 0x0800_1000)).isTrue();
        assertThat(memory.read32(BreakpointUnits.FP_COMP0 + 8)).isEqualTo(BreakpointUnits.fpCompValue(0x0800_1000));
    }

    @Test
    void givenAnInstructionInSram_whenASoftwareBreakpointComesAndGoes_thenBkptIsWrittenAndTheInstructionRestored() {
        memory.write16(0x2000_0200, 0x0040); // lsls r0, r0, #1

        assertThat(units.insertBreakpoint(0, 0x2000_0200)).isTrue();
        assertThat(memory.read16(0x2000_0200)).isEqualTo(0xBE00);
        assertThat(units.isSoftwareBreakpoint(0x2000_0200)).isTrue();

        units.clearAll();
        assertThat(memory.read16(0x2000_0200)).isEqualTo(0x0040);
        assertThat(units.isSoftwareBreakpoint(0x2000_0200)).isFalse();
    }

    @Test
    void givenAWordWatchpoint_whenInserted_thenDwtComparesWithMaskAndFunction_andTraceIsEnabled() {
        assertThat(units.insertWatchpoint(Watch.WRITE, 0x2000_0344, 4)).isTrue();

        assertThat(memory.read32(BreakpointUnits.DWT_COMP0)).isEqualTo(0x2000_0344);
        assertThat(memory.read32(BreakpointUnits.DWT_COMP0 + 4)).as("MASK = log2(4)").isEqualTo(2);
        assertThat(memory.read32(BreakpointUnits.DWT_COMP0 + 8)).as("FUNCTION 6: write").isEqualTo(6);
        assertThat(memory.read32(CortexMRegisters.DEMCR) & CortexMRegisters.DEMCR_TRCENA).isNotZero();
    }

    @Test
    void givenLengthsNoComparatorCanMatch_whenAsked_thenRefused() {
        assertThat(units.insertWatchpoint(Watch.ACCESS, 0x2000_0000, 3)).isFalse();
        assertThat(units.insertWatchpoint(Watch.ACCESS, 0x2000_0002, 4)).as("unaligned").isFalse();
    }

    @Test
    void givenAMatchedComparator_whenTheStopIsExplained_thenTheReplyNamesKindAndAddress() {
        units.insertWatchpoint(Watch.READ, 0x2000_0100, 4);
        units.insertWatchpoint(Watch.ACCESS, 0x2000_0200, 2);
        assertThat(units.watchHit()).isEmpty();

        memory.write32(BreakpointUnits.DWT_COMP0 + 16 + 8, 7 | BreakpointUnits.DWT_FUNCTION_MATCHED);

        assertThat(units.watchHit()).contains("awatch:20000200;");
    }
}
