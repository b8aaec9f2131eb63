package io.blueflash.transport.usb.stlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.TraceSink;
import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.DapWaitTimeoutException;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.TargetCommunicationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StLinkProtocolTest {

    private final ScriptedStLinkChannel channel = new ScriptedStLinkChannel();
    private final List<Integer> pauses = new ArrayList<>();
    private final StLinkProtocol protocol = new StLinkProtocol(channel, pauses::add, TraceSink.NONE);

    private void v2(int jtag) {
        channel.version(2, jtag, 7, 0x3748);
        protocol.readVersion();
        channel.sent.clear();
    }

    @Test
    void givenV2_whenVersionRead_thenOneGetVersionCommandAndNoVersionEx() {
        channel.version(2, 29, 7, 0x3748);

        StLinkVersion v = protocol.readVersion();

        assertThat(v.label()).isEqualTo("V2J29S7");
        assertThat(channel.sent).hasSize(1);
        assertThat(channel.sent.get(0).command()).startsWith((byte) 0xF1).hasSize(16);
        assertThat(channel.sent.get(0).replyLength()).isEqualTo(6);
    }

    @Test
    void givenV3_whenVersionRead_thenGetVersionExFollows() {
        channel.version(3, 0, 0, 0x374F).reply(3, 0, 7, 3, 1, 0, 0, 0, 0x83, 0x04, 0x4F, 0x37);

        StLinkVersion v = protocol.readVersion();

        assertThat(v.jtag()).isEqualTo(7);
        assertThat(channel.sent.get(1).code()).isEqualTo(0xFB);
        assertThat(channel.sent.get(1).replyLength()).isEqualTo(12);
    }

    @Test
    void givenV1_whenVersionRead_thenRefusedWithClearMessage() {
        channel.version(1, 11, 0, 0x3744);

        assertThatThrownBy(protocol::readVersion).isInstanceOf(TargetCommunicationException.class)
                .hasMessageContaining("ST-Link V1").hasMessageContaining("V2, V2-1 or V3");
    }

    @Test
    void givenWordRead_whenSent_thenBlockCarriesAddressAndLengthLittleEndianThenRwStatus2() {
        v2(29);
        channel.reply(1, 2, 3, 4, 5, 6, 7, 8).rwStatus2(0x80, 0);

        byte[] data = protocol.readMemory(AccessWidth.WORD, 0x0800_0400, 8);

        assertThat(data).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        ScriptedStLinkChannel.Sent read = channel.sent.get(0);
        assertThat(read.code()).isEqualTo(0xF2);
        assertThat(read.sub()).isEqualTo(0x07);
        assertThat(read.u32(2)).isEqualTo(0x0800_0400);
        assertThat(read.u16(6)).isEqualTo(8);
        assertThat(channel.sent.get(1).sub()).isEqualTo(0x3E);
    }

    @Test
    void givenApFaultInRwStatus2_whenWritten_thenMemoryFaultWithProbeReportedAddress() {
        v2(29);
        channel.none().rwStatus2(0x11, 0x0800_0402);

        assertThatThrownBy(() -> protocol.writeMemory(AccessWidth.HALFWORD, 0x0800_0400, new byte[8]))
                .isInstanceOfSatisfying(MemoryFaultException.class, e -> assertThat(e.address()).isEqualTo(0x0800_0402))
                .hasMessageContaining("0x08000402").hasMessageContaining("SWD AP FAULT (0x11)");
    }

    @Test
    void givenOldFirmwareWithoutRwStatus2_whenFault_thenGetLastRwStatusAndRequestAddress() {
        v2(14);
        channel.none().reply(0x11, 0);

        assertThatThrownBy(() -> protocol.writeMemory(AccessWidth.WORD, 0x2000_0000, new byte[4]))
                .isInstanceOfSatisfying(MemoryFaultException.class, e -> assertThat(e.address()).isEqualTo(0x2000_0000));
        assertThat(channel.sent.get(1).sub()).isEqualTo(0x3B);
    }

    @Test
    void givenTwoWaitStatuses_whenWritten_thenTransferResentAfterBackoffAndSucceeds() {
        v2(29);
        channel.none().rwStatus2(0x10, 0).none().rwStatus2(0x14, 0).none().rwStatus2(0x80, 0);

        protocol.writeMemory(AccessWidth.WORD, 0x2000_0000, new byte[] {1, 2, 3, 4});

        assertThat(pauses).containsExactly(1, 2);
        assertThat(channel.sent).filteredOn(s -> s.sub() == 0x08).hasSize(3)
                .allSatisfy(s -> assertThat(s.data()).containsExactly(1, 2, 3, 4));
    }

    @Test
    void givenWaitStorm_whenWritten_thenGivesUpAfterRetryBudgetWithAdvice() {
        v2(29);
        for (int i = 0; i <= WaitBackoff.MAX_RETRIES; i++) {
            channel.none().rwStatus2(0x10, 0);
        }

        assertThatThrownBy(() -> protocol.writeMemory(AccessWidth.WORD, 0x2000_0000, new byte[4]))
                .isInstanceOf(DapWaitTimeoutException.class).hasMessageContaining("9 times");
        assertThat(pauses).hasSize(WaitBackoff.MAX_RETRIES);
        assertThat(channel.remaining()).isZero();
    }

    @Test
    void givenFirmwareBeforeJ26_whenHalfWordWrite_thenClearErrorNamingTheFixAndNothingSent() {
        v2(25);

        assertThatThrownBy(() -> protocol.writeMemory(AccessWidth.HALFWORD, 0x0800_0000, new byte[2]))
                .isInstanceOf(HalfWordAccessUnsupportedException.class)
                .hasMessageContaining("V2J25S7").hasMessageContaining("J26")
                .hasMessageContaining("half-word").hasMessageContaining("STSW-LINK007");
        assertThat(channel.sent).isEmpty();
    }

    @Test
    void givenV2_whenByteTransferOver64_thenRejectedBeforeSending() {
        v2(29);

        assertThatThrownBy(() -> protocol.readMemory(AccessWidth.BYTE, 0x2000_0000, 65))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..64");
        assertThat(channel.sent).isEmpty();
    }

    @Test
    void givenWordTransfer_whenOver6144OrMisaligned_thenRejected() {
        v2(29);

        assertThatThrownBy(() -> protocol.readMemory(AccessWidth.WORD, 0x2000_0000, 6148))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> protocol.readMemory(AccessWidth.WORD, 0x2000_0002, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aligned");
        assertThat(channel.sent).isEmpty();
    }

    @Test
    void givenSingleByteRead_whenSent_thenTwoReplyBytesAskedAndOneReturned() {
        v2(29);
        channel.reply(0xAB, 0xCD).rwStatus2(0x80, 0);

        assertThat(protocol.readMemory(AccessWidth.BYTE, 0x2000_0001, 1)).containsExactly(0xAB);
        assertThat(channel.sent.get(0).replyLength()).isEqualTo(2);
    }

    @Test
    void givenUnknownCommandStatus_whenDapRead_thenMessageSaysFirmwareTooOld() {
        v2(29);
        channel.reply(0x42);

        assertThatThrownBy(() -> protocol.readDapRegister(StLinkCommand.DAP_PORT_DP, 0))
                .isInstanceOf(StLinkStatusException.class).hasMessageContaining("unknown command")
                .hasMessageContaining("STSW-LINK007");
    }

    @Test
    void givenFirmwareBeforeJ24_whenDapRead_thenUnsupportedWithoutSending() {
        v2(23);

        assertThatThrownBy(() -> protocol.readDapRegister(0, 0xFC)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("J24");
        assertThat(channel.sent).isEmpty();
    }

    @Test
    void givenDebugRegisterRead_whenFaultStatus_thenMemoryFaultAtThatAddress() {
        v2(29);
        channel.reply(0x11, 0, 0, 0, 0, 0, 0, 0);

        assertThatThrownBy(() -> protocol.readDebugRegister(0x6000_0000))
                .isInstanceOfSatisfying(MemoryFaultException.class, e -> assertThat(e.address()).isEqualTo(0x6000_0000));
    }

    @Test
    void givenV2J29_whenFrequency1000Requested_then950kHzDivisor3Sent() {
        v2(29);
        channel.reply(0x80, 0);

        SwdFrequency.Choice choice = protocol.setSwdFrequency(1000);

        assertThat(choice.khz()).isEqualTo(950);
        assertThat(channel.sent.get(0).sub()).isEqualTo(0x43);
        assertThat(channel.sent.get(0).u16(2)).isEqualTo(3);
    }

    @Test
    void givenV2J21_whenFrequencyRequested_thenNothingSentAndNullChoice() {
        v2(21);

        assertThat(protocol.setSwdFrequency(4000)).isNull();
        assertThat(channel.sent).isEmpty();
    }

    @Test
    void givenV3_whenFrequencyRequested_thenListedThenClosestSetInKhz() {
        channel.version(3, 0, 0, 0x374F).reply(3, 0, 7, 3, 1, 0, 0, 0, 0x83, 0x04, 0x4F, 0x37);
        protocol.readVersion();
        byte[] list = new byte[52];
        list[0] = (byte) 0x80;
        list[8] = 3;
        int[] khz = {24000, 8000, 3300};
        for (int i = 0; i < 3; i++) {
            list[12 + 4 * i] = (byte) khz[i];
            list[13 + 4 * i] = (byte) (khz[i] >>> 8);
        }
        channel.replyBytes(list).reply(0x80);

        SwdFrequency.Choice choice = protocol.setSwdFrequency(4000);

        assertThat(choice.khz()).isEqualTo(3300);
        ScriptedStLinkChannel.Sent set = channel.sent.get(3);
        assertThat(set.sub()).isEqualTo(0x61);
        assertThat(set.u32(4)).isEqualTo(3300);
    }

    @Test
    void givenVoltageReadings_whenMeasured_thenTwiceVrefTimesRatio() {
        v2(29);
        channel.reply(0x40, 0x06, 0, 0, 0x98, 0x08, 0, 0); // ref 1600, target 2200

        assertThat(protocol.targetVoltage()).isCloseTo(3.3, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void givenZeroReading_whenMeasured_thenNaN() {
        v2(29);
        channel.reply(0, 0, 0, 0, 0, 0, 0, 0);

        assertThat(protocol.targetVoltage()).isNaN();
    }

    @Test
    void givenShortReply_whenReceived_thenCommunicationErrorNamesTheCommand() {
        StLinkProtocol p = new StLinkProtocol(new StLinkChannel() {
            @Override
            public byte[] transfer(byte[] command16, byte[] dataOut, int replyLength) {
                return new byte[1];
            }

            @Override
            public void close() {
            }
        }, WaitBackoff.NONE, TraceSink.NONE);

        assertThatThrownBy(p::readVersion).isInstanceOf(TargetCommunicationException.class)
                .hasMessageContaining("GET_VERSION").hasMessageContaining("6-byte");
    }
}
