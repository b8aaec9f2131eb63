package io.blueflash.transport.usb.stlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.model.TraceSink;
import io.blueflash.port.out.AccessWidth;
import java.util.List;
import org.junit.jupiter.api.Test;

class StLinkMemoryAccessTest {

    private final ScriptedStLinkChannel channel = new ScriptedStLinkChannel();
    private final StLinkProtocol protocol = new StLinkProtocol(channel, WaitBackoff.NONE, TraceSink.NONE);
    private final StLinkMemoryAccess memory = new StLinkMemoryAccess(protocol);

    StLinkMemoryAccessTest() {
        channel.version(2, 29, 7, 0x3748);
        protocol.readVersion();
        channel.sent.clear();
    }

    private void okTransfers(int count) {
        for (int i = 0; i < count; i++) {
            channel.none().rwStatus2(0x80, 0);
        }
    }

    @Test
    void givenUnalignedBlock_whenRead_thenByteHeadWordBodyInMaxChunksByteTail() {
        int address = 0x2000_0001;
        int length = 3 + 6144 + 4096 + 2;
        okTransfers(4);

        byte[] out = memory.readBlock(address, length);

        assertThat(out).hasSize(length);
        List<ScriptedStLinkChannel.Sent> reads = channel.sent.stream().filter(s -> s.sub() != 0x3E).toList();
        assertThat(reads).extracting(ScriptedStLinkChannel.Sent::sub).containsExactly(0x0C, 0x07, 0x07, 0x0C);
        assertThat(reads).extracting(s -> s.u32(2)).containsExactly(0x2000_0001, 0x2000_0004, 0x2000_1804, 0x2000_2804);
        assertThat(reads).extracting(s -> s.u16(6)).containsExactly(3, 6144, 4096, 2);
    }

    @Test
    void givenHalfWordBlockOf8K_whenWritten_thenTwoWritemem16CommandsOnly() {
        okTransfers(2);
        byte[] data = new byte[8192];
        data[6144] = 0x5A;

        memory.writeBlock(0x0800_0000, data, AccessWidth.HALFWORD);

        List<ScriptedStLinkChannel.Sent> writes = channel.sent.stream().filter(s -> s.sub() != 0x3E).toList();
        assertThat(writes).extracting(ScriptedStLinkChannel.Sent::sub).containsOnly(0x48);
        assertThat(writes).extracting(s -> s.data().length).containsExactly(6144, 2048);
        assertThat(writes.get(1).data()[0]).isEqualTo((byte) 0x5A);
    }

    @Test
    void givenByteBlockOf100_whenWrittenOnV2_thenSplitAt64() {
        okTransfers(2);

        memory.writeBlock(0x2000_0000, new byte[100], AccessWidth.BYTE);

        assertThat(channel.sent.stream().filter(s -> s.sub() == 0x0D)).extracting(s -> s.u16(6)).containsExactly(64, 36);
    }

    @Test
    void givenWordAccess_whenSingle_thenDebugRegisterCommandsWithInlineStatus() {
        channel.reply(0x80, 0, 0, 0, 0x78, 0x56, 0x34, 0x12).reply(0x80, 0);

        assertThat(memory.read32(0xE004_2000)).isEqualTo(0x1234_5678);
        memory.write32(0x4002_2004, 0x4567_0123);

        assertThat(channel.sent).extracting(ScriptedStLinkChannel.Sent::sub).containsExactly(0x36, 0x35);
        assertThat(channel.sent.get(1).u32(2)).isEqualTo(0x4002_2004);
        assertThat(channel.sent.get(1).u32(6)).isEqualTo(0x4567_0123);
    }

    @Test
    void givenHalfWord_whenWritten_thenWritemem16OfTwoBytesLittleEndian() {
        okTransfers(1);

        memory.write16(0x0800_0002, 0xBEEF);

        assertThat(channel.sent.get(0).sub()).isEqualTo(0x48);
        assertThat(channel.sent.get(0).data()).containsExactly(0xEF, 0xBE);
    }
}
