package io.blueflash.sim.stlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The emulated firmware's command decoding and reply layouts, against a fake target. */
class StLinkEmulatorDecoderTest {

    private final FakeProbeTarget target = new FakeProbeTarget();

    private static byte[] cmd(int... bytes) {
        byte[] c = new byte[16];
        for (int i = 0; i < bytes.length; i++) {
            c[i] = (byte) bytes[i];
        }
        return c;
    }

    private static int[] le32(int v) {
        return new int[] {v & 0xFF, v >>> 8 & 0xFF, v >>> 16 & 0xFF, v >>> 24 & 0xFF};
    }

    private static byte[] mem(int sub, int address, int length) {
        int[] a = le32(address);
        return cmd(0xF2, sub, a[0], a[1], a[2], a[3], length & 0xFF, length >>> 8);
    }

    private StLinkEmulator entered(StLinkPersonality personality) {
        StLinkEmulator emulator = new StLinkEmulator(target, personality);
        assertThat(emulator.transfer(cmd(0xF2, 0x30, 0xA3), null, 2)[0]).isEqualTo((byte) 0x80);
        return emulator;
    }

    @Test
    void givenV2Personality_whenGetVersion_thenBigEndianWordAndLittleEndianIds() {
        StLinkEmulator emulator = new StLinkEmulator(target, StLinkPersonality.v2());

        byte[] reply = emulator.transfer(cmd(0xF1), null, 6);

        int word = (reply[0] & 0xFF) << 8 | reply[1] & 0xFF;
        assertThat(word >>> 12).isEqualTo(2);
        assertThat(word >>> 6 & 0x3F).isEqualTo(29);
        assertThat(word & 0x3F).isEqualTo(7);
        assertThat(reply).endsWith((byte) 0x83, (byte) 0x04, (byte) 0x48, (byte) 0x37);
    }

    @Test
    void givenV3_whenGetVersion_thenJZeroAndVersionExCarriesVersions() {
        StLinkEmulator emulator = new StLinkEmulator(target, StLinkPersonality.v3());

        byte[] basic = emulator.transfer(cmd(0xF1), null, 6);
        byte[] ex = emulator.transfer(cmd(0xFB), null, 12);

        assertThat((basic[0] & 0xFF) >>> 4).isEqualTo(3);
        assertThat(((basic[0] & 0x0F) << 8 | basic[1] & 0xFF) >>> 6).isZero();
        assertThat(ex[0]).isEqualTo((byte) 3);
        assertThat(ex[2]).isEqualTo((byte) 7);
        assertThat(ex[10]).isEqualTo((byte) 0x4F);
    }

    @Test
    void givenV2_whenGetVersionEx_thenNoReplyAsRealV2Firmware() {
        StLinkEmulator emulator = new StLinkEmulator(target, StLinkPersonality.v2());

        assertThatThrownBy(() -> emulator.transfer(cmd(0xFB), null, 12)).isInstanceOf(StLinkNoReplyException.class);
    }

    @Test
    void givenV2InDfu_whenDfuExit_thenMassStorageThenDebugAfterEnter() {
        StLinkEmulator emulator = new StLinkEmulator(target, StLinkPersonality.v2());

        assertThat(emulator.transfer(cmd(0xF5), null, 2)[0]).isEqualTo((byte) 0);
        emulator.transfer(cmd(0xF3, 0x07), null, 0);
        assertThat(emulator.transfer(cmd(0xF5), null, 2)[0]).isEqualTo((byte) 1);
        emulator.transfer(cmd(0xF2, 0x30, 0xA3), null, 2);
        assertThat(emulator.transfer(cmd(0xF5), null, 2)[0]).isEqualTo((byte) 2);
        emulator.transfer(cmd(0xF2, 0x21), null, 0);
        assertThat(emulator.transfer(cmd(0xF5), null, 2)[0]).isEqualTo((byte) 1);
    }

    @Test
    void givenNoTarget_whenEnterSwd_thenDpErrorStatus() {
        target.unreachable = true;
        StLinkEmulator emulator = new StLinkEmulator(target, StLinkPersonality.v2());

        assertThat(emulator.transfer(cmd(0xF2, 0x30, 0xA3), null, 2)[0]).isEqualTo((byte) 0x16);
    }

    @Test
    void givenWordWriteThenRead_whenRoundTripped_thenDataAndOkRwStatus2() {
        StLinkEmulator emulator = entered(StLinkPersonality.v2());

        emulator.transfer(mem(0x08, 0x2000_0000, 8), new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0);
        byte[] read = emulator.transfer(mem(0x07, 0x2000_0004, 4), null, 4);
        byte[] status = emulator.transfer(cmd(0xF2, 0x3E), null, 12);

        assertThat(read).containsExactly(5, 6, 7, 8);
        assertThat(status[0]).isEqualTo((byte) 0x80);
    }

    @Test
    void givenFaultingRegion_whenRead_thenApFaultWithFirstFaultingAddress() {
        StLinkEmulator emulator = entered(StLinkPersonality.v2());

        emulator.transfer(mem(0x07, 0x5FFF_FFF8, 16), null, 16);
        byte[] status = emulator.transfer(cmd(0xF2, 0x3E), null, 12);

        assertThat(status[0]).isEqualTo((byte) 0x11);
        assertThat(StLinkEmulator.u32(status, 4)).isEqualTo(0x6000_0000);
    }

    @Test
    void givenTargetWaits_whenWritten_thenApWaitStatusAndNextAttemptSucceeds() {
        StLinkEmulator emulator = entered(StLinkPersonality.v2());
        target.waitsLeft = 1;

        emulator.transfer(mem(0x08, 0x2000_0000, 4), new byte[4], 0);
        byte[] first = emulator.transfer(cmd(0xF2, 0x3B), null, 2);
        emulator.transfer(mem(0x08, 0x2000_0000, 4), new byte[4], 0);
        byte[] second = emulator.transfer(cmd(0xF2, 0x3B), null, 2);

        assertThat(first[0]).isEqualTo((byte) 0x10);
        assertThat(second[0]).isEqualTo((byte) 0x80);
    }

    @Test
    void givenFirmwareJ25_whenHalfWordWrite_thenUnknownCommandStatusAndMemoryUntouched() {
        StLinkEmulator emulator = entered(StLinkPersonality.v2().withFirmware(25));

        emulator.transfer(mem(0x48, 0x2000_0000, 2), new byte[] {0x11, 0x22}, 0);
        byte[] status = emulator.transfer(cmd(0xF2, 0x3E), null, 12);

        assertThat(status[0]).isEqualTo((byte) 0x42);
        assertThat(target.memory).isEmpty();
    }

    @Test
    void givenFirmwareJ14_whenRwStatus2_thenUnknownCommand() {
        StLinkEmulator emulator = entered(StLinkPersonality.v2().withFirmware(14));

        assertThat(emulator.transfer(cmd(0xF2, 0x3E), null, 12)[0]).isEqualTo((byte) 0x42);
    }

    @Test
    void givenV2_whenByteTransferOver64_thenCommandErrorWithoutTouchingTarget() {
        StLinkEmulator emulator = entered(StLinkPersonality.v2());

        emulator.transfer(mem(0x0D, 0x2000_0000, 65), new byte[65], 0);

        assertThat(emulator.transfer(cmd(0xF2, 0x3B), null, 2)[0]).isEqualTo((byte) 0x08);
        assertThat(target.memory).isEmpty();
    }

    @Test
    void givenMisalignedWordRead_whenSent_thenAlignmentError() {
        StLinkEmulator emulator = entered(StLinkPersonality.v2());

        emulator.transfer(mem(0x07, 0x2000_0002, 4), null, 4);

        assertThat(emulator.transfer(cmd(0xF2, 0x3B), null, 2)[0]).isEqualTo((byte) 0x0A);
    }

    @Test
    void givenDebugRegisterCommands_whenWrittenAndRead_thenValueAtOffset4() {
        StLinkEmulator emulator = entered(StLinkPersonality.v2());
        int[] a = le32(0xE000_EDF0);
        int[] v = le32(0xA05F_0003);

        assertThat(emulator.transfer(cmd(0xF2, 0x35, a[0], a[1], a[2], a[3], v[0], v[1], v[2], v[3]), null, 2)[0])
                .isEqualTo((byte) 0x80);
        byte[] reply = emulator.transfer(cmd(0xF2, 0x36, a[0], a[1], a[2], a[3]), null, 8);

        assertThat(reply[0]).isEqualTo((byte) 0x80);
        assertThat(StLinkEmulator.u32(reply, 4)).isEqualTo(0xA05F_0003);
    }

    @Test
    void givenDriveNrst_whenLowHighPulse_thenPinFollowsAndPulseTakesTime() {
        StLinkEmulator emulator = entered(StLinkPersonality.v2());

        emulator.transfer(cmd(0xF2, 0x3C, 0), null, 2);
        assertThat(target.nrst).isTrue();
        emulator.transfer(cmd(0xF2, 0x3C, 1), null, 2);
        assertThat(target.nrst).isFalse();
        long before = target.nanos;
        emulator.transfer(cmd(0xF2, 0x3C, 2), null, 2);
        assertThat(target.nrst).isFalse();
        assertThat(target.nanos - before).isGreaterThanOrEqualTo(100_000 + StLinkPersonality.FULL_SPEED_ROUND_TRIP_NANOS);
    }

    @Test
    void givenV2Divisor3_whenSetFrequency_thenTargetClockAt950kHz() {
        StLinkEmulator emulator = entered(StLinkPersonality.v2());

        emulator.transfer(cmd(0xF2, 0x43, 3, 0), null, 2);

        assertThat(target.swdHz).isEqualTo(950_000);
    }

    @Test
    void givenV3_whenComFrequencyListedAndSet_thenClosestNotAbove() {
        StLinkEmulator emulator = entered(StLinkPersonality.v3());

        byte[] list = emulator.transfer(cmd(0xF2, 0x62, 0), null, 52);
        int[] khz = le32(4000);
        byte[] set = emulator.transfer(cmd(0xF2, 0x61, 0, 0, khz[0], khz[1], khz[2], khz[3]), null, 8);

        assertThat(list[8]).isEqualTo((byte) StLinkEmulator.V3_SWD_KHZ.size());
        assertThat(StLinkEmulator.u32(list, 12)).isEqualTo(24000);
        assertThat(StLinkEmulator.u32(set, 4)).isEqualTo(3300);
        assertThat(target.swdHz).isEqualTo(3_300_000);
    }

    @Test
    void givenDapRegisterRead_whenDpPort_thenDpidrAtOffset4() {
        StLinkEmulator emulator = entered(StLinkPersonality.v2());

        byte[] reply = emulator.transfer(cmd(0xF2, 0x45, 0xFF, 0xFF, 0, 0), null, 8);

        assertThat(StLinkEmulator.u32(reply, 4)).isEqualTo(0x1BA0_1477);
    }

    @Test
    void givenV2AndV3_whenOneCommand_thenUsbCostFullSpeedVersusHighSpeedAndCounted() {
        StLinkEmulator v2 = new StLinkEmulator(target, StLinkPersonality.v2());
        v2.transfer(cmd(0xF1), null, 6);
        long v2Cost = target.nanos;
        FakeProbeTarget other = new FakeProbeTarget();
        StLinkEmulator v3 = new StLinkEmulator(other, StLinkPersonality.v3());
        v3.transfer(cmd(0xF1), null, 6);

        assertThat(v2Cost).isEqualTo(1_000_000 + 22 * 820);
        assertThat(other.nanos).isEqualTo(125_000 + 22 * 19);
        assertThat(v2.counters().commands()).isEqualTo(1);
        assertThat(v2.counters().count("GET_VERSION")).isEqualTo(1);
        assertThat(v2.counters().bytesIn()).isEqualTo(6);
    }

    @Test
    void givenNotInDebugMode_whenMemoryRead_thenDpErrorStatus() {
        StLinkEmulator emulator = new StLinkEmulator(target, StLinkPersonality.v2());

        emulator.transfer(mem(0x07, 0x2000_0000, 4), null, 4);

        assertThat(emulator.transfer(cmd(0xF2, 0x3B), null, 2)[0]).isEqualTo((byte) 0x16);
    }

    @Test
    void givenCommandBlockNot16Bytes_whenSent_thenRejected() {
        StLinkEmulator emulator = new StLinkEmulator(target, StLinkPersonality.v2());

        assertThatThrownBy(() -> emulator.transfer(new byte[10], null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
