package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GdbRegisterMapTest {

    private static final String M_PROFILE = "<?xml version=\"1.0\"?><!DOCTYPE target SYSTEM \"gdb-target.dtd\">"
            + "<target><feature name=\"org.gnu.gdb.arm.m-profile\">"
            + "<reg name=\"r0\" bitsize=\"32\"/><reg name=\"r1\" bitsize=\"32\"/><reg name=\"r2\" bitsize=\"32\"/>"
            + "<reg name=\"r3\" bitsize=\"32\"/><reg name=\"r4\" bitsize=\"32\"/><reg name=\"r5\" bitsize=\"32\"/>"
            + "<reg name=\"r6\" bitsize=\"32\"/><reg name=\"r7\" bitsize=\"32\"/><reg name=\"r8\" bitsize=\"32\"/>"
            + "<reg name=\"r9\" bitsize=\"32\"/><reg name=\"r10\" bitsize=\"32\"/><reg name=\"r11\" bitsize=\"32\"/>"
            + "<reg name=\"r12\" bitsize=\"32\"/><reg name=\"sp\" bitsize=\"32\"/><reg name=\"lr\" bitsize=\"32\"/>"
            + "<reg name=\"pc\" bitsize=\"32\"/><reg name=\"xpsr\" bitsize=\"32\" regnum=\"25\"/>"
            + "<reg name=\"msp\" bitsize=\"32\"/></feature></target>";

    @Test
    void givenMProfileDescription_whenParsed_thenXpsrIs25AndFollowingRegistersCountOn() {
        GdbRegisterMap map = GdbRegisterMap.parse(M_PROFILE);

        assertThat(map.numberOf(0)).isZero();
        assertThat(map.numberOf(15)).isEqualTo(15);
        assertThat(map.numberOf(16)).isEqualTo(25);
        assertThat(map.numberOf(17)).isEqualTo(26);
        assertThat(map.numberOf(18)).isEqualTo(-1);
        assertThat(map.gPacketIndexOf(16)).isEqualTo(16);
    }
}
