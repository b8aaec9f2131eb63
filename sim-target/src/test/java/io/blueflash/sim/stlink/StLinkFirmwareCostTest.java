package io.blueflash.sim.stlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.TimingPreset;
import org.junit.jupiter.api.Test;

/** The firmware's per-read cost of the measured preset: charged per element read, never for writes. */
class StLinkFirmwareCostTest {

    private final FakeProbeTarget target = new FakeProbeTarget();

    private static byte[] mem(int sub, int length) {
        byte[] c = new byte[16];
        c[0] = (byte) 0xF2;
        c[1] = (byte) sub;
        c[5] = 0x20;
        c[6] = (byte) length;
        c[7] = (byte) (length >>> 8);
        return c;
    }

    private long cost(long perRead, int sub, int length, byte[] data) {
        StLinkEmulator emulator = new StLinkEmulator(target, StLinkPersonality.v2());
        emulator.transfer(new byte[] {(byte) 0xF2, 0x30, (byte) 0xA3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, null, 2);
        emulator.setFirmwareNanosPerReadTransfer(perRead);
        long before = target.nanos();
        emulator.transfer(mem(sub, length), data, data == null ? length : 0);
        return target.nanos() - before;
    }

    @Test
    void givenAPerReadCost_whenReading256Words_thenCharged256TimesOnTopOfTheUsbCost() {
        long bare = cost(0, 0x07, 1024, null);
        long measured = cost(TimingPreset.MEASURED.stLinkNanosPerReadTransfer(), 0x07, 1024, null);

        assertThat(measured - bare).isEqualTo(256 * TimingPreset.MEASURED_STLINK_NANOS_PER_READ_TRANSFER);
    }

    @Test
    void givenAPerReadCost_whenWriting_thenNothingMoreIsCharged() {
        assertThat(cost(14_000, 0x08, 1024, new byte[1024])).isEqualTo(cost(0, 0x08, 1024, new byte[1024]));
    }

    @Test
    void givenTheDatasheetPreset_whenAsked_thenNoFirmwareCostAndTheTypicalFlashTimes() {
        assertThat(TimingPreset.DATASHEET.stLinkNanosPerReadTransfer()).isZero();
        assertThat(TimingPreset.DATASHEET.flashTiming().programNanos()).isEqualTo(52_500L);
        assertThat(TimingPreset.MEASURED.flashTiming().programNanos()).isEqualTo(34_000L);
        assertThat(TimingPreset.named(" Measured ")).isEqualTo(TimingPreset.MEASURED);
    }
}
