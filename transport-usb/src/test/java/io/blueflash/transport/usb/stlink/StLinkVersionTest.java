package io.blueflash.transport.usb.stlink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StLinkVersionTest {

    private static byte[] reply(int hw, int jtag, int low, int pid) {
        int word = hw << 12 | jtag << 6 | low;
        return new byte[] {(byte) (word >>> 8), (byte) word, (byte) 0x83, 0x04, (byte) pid, (byte) (pid >>> 8)};
    }

    @Test
    void givenCloneV2Reply_whenDecoded_thenV2J29S7WithSwimField() {
        StLinkVersion v = StLinkVersion.decode(reply(2, 29, 7, 0x3748));

        assertThat(v.label()).isEqualTo("V2J29S7");
        assertThat(v.vendorId()).isEqualTo(0x0483);
        assertThat(v.productId()).isEqualTo(0x3748);
        assertThat(v.hasRwStatus2()).isTrue();
        assertThat(v.hasSwdSetFrequency()).isTrue();
        assertThat(v.hasDapRegisters()).isTrue();
        assertThat(v.has16BitMemory()).isTrue();
        assertThat(v.needsInitAp()).isTrue();
        assertThat(v.maxByteTransfer()).isEqualTo(64);
    }

    @Test
    void givenV21Pid_whenLowFieldOutsideStm8Range_thenItIsTheMassStorageVersion() {
        StLinkVersion v = StLinkVersion.decode(reply(2, 37, 26, 0x374B));

        assertThat(v.label()).isEqualTo("V2J37M26");
        assertThat(v.msd()).isEqualTo(26);
        assertThat(v.swim()).isZero();
    }

    @Test
    void givenFirmwareJ25_whenGated_thenDapRegistersButNoHalfWords() {
        StLinkVersion v = StLinkVersion.decode(reply(2, 25, 7, 0x3748));

        assertThat(v.hasDapRegisters()).isTrue();
        assertThat(v.has16BitMemory()).isFalse();
        assertThat(v.needsInitAp()).isFalse();
    }

    @Test
    void givenFirmwareJ21_whenGated_thenNoFrequencyNorDapButRwStatus2() {
        StLinkVersion v = StLinkVersion.decode(reply(2, 21, 7, 0x3748));

        assertThat(v.hasSwdSetFrequency()).isFalse();
        assertThat(v.hasDapRegisters()).isFalse();
        assertThat(v.hasRwStatus2()).isTrue();
        assertThat(v.hasTargetVoltage()).isTrue();
    }

    @Test
    void givenFirmwareJ12_whenGated_thenNeitherVoltageNorRwStatus2() {
        StLinkVersion v = StLinkVersion.decode(reply(2, 12, 7, 0x3748));

        assertThat(v.hasTargetVoltage()).isFalse();
        assertThat(v.hasRwStatus2()).isFalse();
    }

    @Test
    void givenV3_whenExtendedVersionApplied_thenVersionsComeFromGetVersionEx() {
        StLinkVersion basic = StLinkVersion.decode(reply(3, 0, 0, 0x374F));
        byte[] ex = {3, 0, 7, 3, 1, 0, 0, 0, (byte) 0x83, 0x04, 0x4F, 0x37};

        StLinkVersion v = basic.withExtended(ex);

        assertThat(basic.needsExtendedVersion()).isTrue();
        assertThat(v.label()).isEqualTo("V3J7M3B1");
        assertThat(v.hasComFrequency()).isTrue();
        assertThat(v.hasSwdSetFrequency()).isFalse();
        assertThat(v.maxByteTransfer()).isEqualTo(512);
        assertThat(v.productId()).isEqualTo(0x374F);
    }
}
