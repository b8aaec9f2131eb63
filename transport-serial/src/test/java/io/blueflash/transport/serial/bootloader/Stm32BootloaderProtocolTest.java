package io.blueflash.transport.serial.bootloader;

import static io.blueflash.transport.serial.testing.ScriptedSerialLine.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.TraceSink;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.transport.serial.testing.ScriptedSerialLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AN3155 framing and recovery against a scripted line (facts §E.2, §E.3). */
class Stm32BootloaderProtocolTest {

    private final ScriptedSerialLine line = new ScriptedSerialLine();
    private final List<String> traces = new ArrayList<>();
    private final TraceSink sink = (layer, nanos, text) -> traces.add(text);
    private final Stm32BootloaderProtocol protocol =
            new Stm32BootloaderProtocol(line, BootloaderTimeouts.defaults(), 3, sink);

    @AfterEach
    void scriptPlayedCompletely() {
        assertThat(line.finished()).as(line.remaining()).isTrue();
    }

    @Test
    void givenBootloaderAfterReset_whenInit_then7FAnsweredByAck() {
        line.expect("7F", "79");
        protocol.init();
        assertThat(traces).anyMatch(t -> t.contains("ACK"));
    }

    @Test
    void givenFirst7FLost_whenInit_thenSentAgainAndNackMeansAlreadySynchronised() {
        line.expect("7F", "").expect("7F", "1F");
        protocol.init();
        assertThat(traces).anyMatch(t -> t.contains("already synchronised"));
    }

    @Test
    void givenNothingAnswers_whenInit_thenTimeoutErrorNamesPortAndWhatToCheck() {
        line.expect("7F", "").expect("7F", "").expect("7F", "");
        assertThatThrownBy(protocol::init)
                .isInstanceOf(TargetCommunicationException.class)
                .hasMessageContaining("/dev/ttyFAKE0").hasMessageContaining("BOOT0=1")
                .hasMessageContaining("3 tries").hasMessageContaining("8E1");
    }

    @Test
    void givenF1Bootloader_whenIdentify_thenVersionCommandsAndPid() {
        line.expect("00 FF", "79 0B 22 00 01 02 11 21 31 43 63 73 82 92 79")
                .expect("02 FD", "79 01 04 10 79");
        BootloaderInfo info = protocol.identify();
        assertThat(info.version()).isEqualTo(0x22);
        assertThat(info.versionText()).isEqualTo("V2.2");
        assertThat(info.productId()).isEqualTo(0x410);
        assertThat(info.commands()).containsExactly(hex("00 01 02 11 21 31 43 63 73 82 92"));
        assertThat(info.supports(Stm32BootloaderProtocol.ERASE)).isTrue();
        assertThat(info.supports(0x44)).isFalse();
    }

    @Test
    void givenGetVersion_whenAsked_thenVersionByteAndOptionBytesSkipped() {
        line.expect("01 FE", "79 22 00 00 79");
        assertThat(protocol.getVersion()).isEqualTo(0x22);
    }

    @Test
    void givenReadMemory_whenFourBytes_thenAddressChecksumAndLengthComplement() {
        line.expect("11 EE", "79").expect("08 00 01 00 09", "79").expect("03 FC", "79 DE AD BE EF");
        assertThat(protocol.readMemory(0x0800_0100, 4)).containsExactly(hex("DE AD BE EF"));
    }

    @Test
    void givenOddLength_whenWriteMemory_thenPaddedWithFfAndChecksummed() {
        line.expect("31 CE", "79").expect("20 00 00 00 20", "79").expect("03 01 02 03 FF FC", "79");
        protocol.writeMemory(0x2000_0000, new byte[] {1, 2, 3});
    }

    @Test
    void givenBlockNackedOnce_whenWriteMemory_thenWholeCommandRepeatedAndSucceeds() {
        line.expect("31 CE", "79").expect("20 00 00 00 20", "79").expect("03 01 02 03 FF FC", "1F")
                .expect("31 CE", "79").expect("20 00 00 00 20", "79").expect("03 01 02 03 FF FC", "79");
        protocol.writeMemory(0x2000_0000, new byte[] {1, 2, 3});
        assertThat(traces).anyMatch(t -> t.contains("NACKed at the DATA stage (attempt 1 of 3)"));
    }

    @Test
    void givenBlockNackedEveryTime_whenWriteMemory_thenErrorAfterBoundedRetries() {
        for (int i = 0; i < 3; i++) {
            line.expect("31 CE", "79").expect("08 00 00 00 08", "79").expect("03 01 02 03 04 07", "1F");
        }
        assertThatThrownBy(() -> protocol.writeMemory(0x0800_0000, new byte[] {1, 2, 3, 4}))
                .isInstanceOf(BootloaderNackException.class)
                .hasMessageContaining("3 times").hasMessageContaining("0x08000000")
                .hasMessageContaining("checksum");
    }

    @Test
    void givenUnalignedAddressOrOversizedBlock_whenWriteMemory_thenRejectedBeforeSending() {
        assertThatThrownBy(() -> protocol.writeMemory(0x2000_0002, new byte[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x20000002");
        assertThatThrownBy(() -> protocol.writeMemory(0x2000_0000, new byte[257]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("257");
        assertThat(line.allWritten()).isEmpty();
    }

    @Test
    void givenGarbledAck_whenReadMemory_thenResyncWithFf00AndRetry() {
        line.expect("11 EE", "55")
                .expect("FF 00".repeat(16), "1F 1F")
                .expect("11 EE", "79").expect("20 00 00 00 20", "79").expect("00 FF", "79 AA");
        assertThat(protocol.readMemory(0x2000_0000, 1)).containsExactly(0xAA);
        assertThat(traces).anyMatch(t -> t.contains("resync: NACK"));
    }

    @Test
    void givenReadProtectedChip_whenReadMemory_thenMessageSaysHowToUnprotect() {
        line.expect("11 EE", "1F").expect("11 EE", "1F").expect("11 EE", "1F");
        assertThatThrownBy(() -> protocol.readMemory(0x0800_0000, 256))
                .isInstanceOf(ReadProtectedException.class)
                .isInstanceOf(MemoryFaultException.class)
                .hasMessageContaining("read-protected")
                .hasMessageContaining("blueflash --probe bootloader:/dev/ttyFAKE0 option-bytes --unprotect")
                .hasMessageContaining("stm32flash -k /dev/ttyFAKE0")
                .hasMessageContaining("ERASES ALL FLASH");
    }

    @Test
    void givenUnmappedAddress_whenReadMemory_thenMemoryFaultWithAddress() {
        for (int i = 0; i < 3; i++) {
            line.expect("11 EE", "79").expect("E0 04 20 00 C4", "1F");
        }
        assertThatThrownBy(() -> protocol.readMemory(0xE004_2000, 4))
                .isInstanceOfSatisfying(MemoryFaultException.class,
                        e -> assertThat(e.address()).isEqualTo(0xE004_2000))
                .hasMessageContaining("0xE0042000");
    }

    @Test
    void givenPages_whenErase_thenCountMinusOneAndXorChecksum() {
        line.expect("43 BC", "79").expect("01 02 03 00", "79");
        protocol.erasePages(2, 3);
    }

    @Test
    void givenGlobalErase_whenMassErase_thenFf00() {
        line.expect("43 BC", "79").expect("FF 00", "79");
        protocol.massErase();
    }

    @Test
    void givenTooManyPages_whenErase_thenRejected() {
        assertThatThrownBy(() -> protocol.erasePages(new int[256]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 255");
        assertThatThrownBy(() -> protocol.erasePages(256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0-255");
    }

    @Test
    void givenReadoutUnprotect_whenDone_thenHostSendsFresh7FAfterTheChipResets() {
        line.expect("92 6D", "79 79").expect("7F", "79");
        protocol.readoutUnprotect();
    }

    @Test
    void givenReadoutProtectAndWriteProtect_whenDone_thenResyncAfterEach() {
        line.expect("82 7D", "79 79").expect("7F", "79")
                .expect("63 9C", "79").expect("01 00 01 00", "79").expect("7F", "79")
                .expect("73 8C", "79 79").expect("7F", "79");
        protocol.readoutProtect();
        protocol.writeProtect(0, 1);
        protocol.writeUnprotect();
    }

    @Test
    void givenGo_whenSent_thenAddressFramed() {
        line.expect("21 DE", "79").expect("08 00 00 00 08", "79");
        protocol.go(0x0800_0000);
    }
}
