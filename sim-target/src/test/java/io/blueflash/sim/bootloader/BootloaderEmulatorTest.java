package io.blueflash.sim.bootloader;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The device side of AN3155 (facts §E), driven with whole host scripts; answers compared byte for byte. */
class BootloaderEmulatorTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final BootloaderEmulator emulator = new BootloaderEmulator(chip, 115200);

    /** One serve loop on the same emulator: its synchronisation carries over between runs. */
    private String run(String hostHex) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        emulator.serve(new ByteArrayInputStream(HexFormat.of().parseHex(hostHex.replace(" ", ""))), out);
        return HEX.formatHex(out.toByteArray());
    }

    private static String address(int a) {
        int x = (a >>> 24 ^ a >>> 16 ^ a >>> 8 ^ a) & 0xFF;
        return String.format("%08X%02X", a, x);
    }

    private static String block(byte[] data) {
        int x = data.length - 1;
        for (byte b : data) {
            x ^= b & 0xFF;
        }
        return String.format("%02X", data.length - 1) + HEX.formatHex(data) + String.format("%02X", x & 0xFF);
    }

    @Test
    void givenGarbageThen7F_whenServing_thenOnlyTheSyncIsAckedAndA_Later7FIsACommand() throws IOException {
        // 0x55 before sync: ignored; 7F: ACK; 7F 80: a "command" 0x7F with its complement: unknown, NACK
        assertThat(run("55 7F 7F 80")).isEqualTo("791F");
    }

    @Test
    void givenGet_whenServing_thenF1CommandSetAndVersion22() throws IOException {
        assertThat(run("7F 00FF")).isEqualTo("79" + "79" + "0B" + "22" + "0001021121314363738292" + "79");
    }

    @Test
    void givenGetVersionAndGetId_whenServing_thenV22AndDevIdOfTheProfile() throws IOException {
        assertThat(run("7F 01FE 02FD")).isEqualTo("79" + "7922000079" + "7901041079");
        BootloaderEmulator hd = new BootloaderEmulator(Stm32F103.create("stm32f103rc"), 115200);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        hd.serve(new ByteArrayInputStream(HexFormat.of().parseHex("7F02FD")), out);
        assertThat(HEX.formatHex(out.toByteArray())).isEqualTo("79" + "7901041479");
    }

    @Test
    void givenWrongComplement_whenServing_thenNack() throws IOException {
        assertThat(run("7F 1100")).isEqualTo("791F");
    }

    @Test
    void givenWriteThenRead_whenServing_thenFlashHoldsTheBytesAndTheClockCountedWireAndProgramTime()
            throws IOException {
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + 1);
        }
        long before = chip.clock().nanos();
        String answer = run("7F" + "31CE" + address(0x0800_0400) + block(data)
                + "11EE" + address(0x0800_0400) + "FF00");
        assertThat(answer).isEqualTo("79" + "797979" + "797979" + HEX.formatHex(data));
        long wireBytes = emulator.bytesIn() + emulator.bytesOut();
        long wire = wireBytes * emulator.characterNanos();
        assertThat(chip.clock().nanos() - before)
                .as("wire time of %d bytes plus 128 half-word programs", wireBytes)
                .isGreaterThan(wire + 128 * 20_000L);
        assertThat(emulator.characterNanos()).isEqualTo(11 * 1_000_000_000L / 115200);
    }

    @Test
    void givenBadBlockChecksum_whenWriteMemory_thenNackAndNothingWritten() throws IOException {
        String good = block(new byte[] {1, 2, 3, 4});
        String corrupted = good.substring(0, good.length() - 2) + "00";
        assertThat(run("7F" + "31CE" + address(0x0800_0000) + corrupted + "11EE" + address(0x0800_0000) + "03FC"))
                .isEqualTo("79" + "7979" + "1F" + "797979" + "FFFFFFFF");
    }

    @Test
    void givenUnalignedOrUnmappedAddress_whenWriteOrRead_thenNackedAtTheAddress() throws IOException {
        assertThat(run("7F" + "31CE" + address(0x0800_0002) + "11EE" + address(0xE004_2000)))
                .isEqualTo("79" + "791F" + "791F");
    }

    @Test
    void givenProgrammedPage_whenErasePageAndMassErase_thenReadsErased() throws IOException {
        String write = "31CE" + address(0x0800_0800) + block(new byte[] {0, 0, 0, 0});
        // page 2 at 0x0800_0800 on 1 KB pages: N=0, page 2, checksum 0^2
        assertThat(run("7F" + write + "43BC" + "000202" + "11EE" + address(0x0800_0800) + "03FC"))
                .isEqualTo("79" + "797979" + "7979" + "797979" + "FFFFFFFF");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        emulator.serve(new ByteArrayInputStream(HexFormat.of().parseHex(
                write + "43BC" + "FF00")), out);
        assertThat(HEX.formatHex(out.toByteArray())).endsWith("797979" + "7979");
    }

    @Test
    void givenReadoutProtect_whenServing_thenChipResetsAndOnlyGetFamilyAndUnprotectWork() throws IOException {
        String write = "31CE" + address(0x0800_0000) + block(new byte[] {0x11, 0x22, 0x33, 0x44});
        // protect: ACK ACK, reset -> bytes before the next 7F are ignored
        String answer = run("7F" + write + "827D" + "11EE" + "7F" + "11EE" + "00FF" + "02FD");
        assertThat(answer).isEqualTo("79" + "797979" + "7979" + "79" + "1F"
                + "79" + "0B" + "22" + "0001021121314363738292" + "79" + "7901041079");
        // unprotect: mass erase + RDP cleared + reset; the data is gone
        assertThat(run("926D" + "7F" + "11EE" + address(0x0800_0000) + "03FC"))
                .isEqualTo("7979" + "79" + "797979" + "FFFFFFFF");
    }

    @Test
    void givenOptionBytesWrite_whenServing_thenWrittenAndChipResets() throws IOException {
        byte[] options = HexFormat.of().parseHex("A55AFF00FF00FF00FE01FF00FF00FF00"); // WRP0 bit 0: pages 0-3
        String answer = run("7F" + "31CE" + address(0x1FFF_F800) + block(options)
                + "11EE" + "7F" + "31CE" + address(0x0800_0000) + block(new byte[] {1, 2, 3, 4})
                + "11EE" + address(0x0800_0000) + "03FC");
        // the write into a write-protected page is ACKed (not reported, AN2662) but nothing is programmed
        assertThat(answer).isEqualTo("79" + "797979" + "79" + "797979" + "797979" + "FFFFFFFF");
        assertThat(run("738C" + "7F" + "31CE" + address(0x0800_0000) + block(new byte[] {1, 2, 3, 4})))
                .isEqualTo("7979" + "79" + "797979");
    }

    @Test
    void givenGo_whenServing_thenAckedAndTheBootloaderFallsSilent() throws IOException {
        assertThat(run("7F" + "21DE" + address(0x0800_0000) + "00FF")).isEqualTo("79" + "7979");
    }

    @Test
    void givenApplicationInFlash_whenGo_thenTheCoreRunsItWithSpAndPcFromItsVectorTable() throws IOException {
        // vector table: SP 0x20001000, reset 0x08000009; at 0x08000008: movs r0, #42; b .
        byte[] app = {0x00, 0x10, 0x00, 0x20, 0x09, 0x00, 0x00, 0x08, 0x2A, 0x20, (byte) 0xFE, (byte) 0xE7};
        run("7F" + "31CE" + address(0x0800_0000) + block(app) + "21DE" + address(0x0800_0000));

        chip.runFor(1_000_000);

        assertThat(chip.core().state().r[0]).isEqualTo(42);
        assertThat(chip.core().state().r[15]).isEqualTo(0x0800_000A);
        assertThat(chip.core().state().msp()).isEqualTo(0x2000_1000);
    }

    /** What stm32flash -R sends (AN3155 WRITE MEMORY + GO): SP, entry, then code that sets AIRCR.SYSRESETREQ. */
    private static byte[] resetCode() {
        return new byte[] {0x00, 0x10, 0x00, 0x20, 0x09, 0x02, 0x00, 0x20,
                0x01, 0x49, 0x02, 0x4A, 0x0A, 0x60, (byte) 0xFE, (byte) 0xE7,
                0x0C, (byte) 0xED, 0x00, (byte) 0xE0, 0x04, 0x00, (byte) 0xFA, 0x05};
    }

    @Test
    void givenGoToCodeThatResetsTheChip_whenBoot0IsHigh_thenTheBootloaderAnswersTheNext7F() throws IOException {
        run("7F" + "31CE" + address(0x2000_0200) + block(resetCode()) + "21DE" + address(0x2000_0200));
        long wall = System.nanoTime();
        chip.runFor(200_000_000);
        wall = System.nanoTime() - wall;
        assertThat(chip.resets()).as("the code reset the chip").isEqualTo(1);
        assertThat(chip.core().isSleeping()).as("the ROM stand-in sleeps while the emulator serves (wall %d ns)", wall)
                .isTrue();

        assertThat(run("7F" + "00FF")).startsWith("79" + "79");
    }

    @Test
    void givenBoot0Low_whenTheChipResets_thenTheBootloaderStaysSilent() throws IOException {
        run("7F");
        chip.setBootMode(io.blueflash.sim.chip.BootMode.MAIN_FLASH);
        chip.setNrst(true);
        chip.setNrst(false);

        assertThat(run("7F" + "00FF")).isEmpty();
    }

    @Test
    void givenBootloaderLockedTo115200_whenTheHostChangesRate_thenNoAnswerUntilAReset() throws IOException {
        HostLine line = new HostLine(115_200);
        BootloaderEmulator locked = new BootloaderEmulator(chip, line, BootloaderEmulator.BITS_8N1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        locked.serve(new ByteArrayInputStream(HexFormat.of().parseHex("7F")), out);
        line.setBaud(57_600);

        locked.serve(new ByteArrayInputStream(HexFormat.of().parseHex("7F00FF")), out);
        assertThat(HEX.formatHex(out.toByteArray())).isEqualTo("79");

        chip.setNrst(true);
        chip.setNrst(false);
        locked.serve(new ByteArrayInputStream(HexFormat.of().parseHex("7F01FE")), out);
        assertThat(HEX.formatHex(out.toByteArray())).startsWith("79" + "79" + "79");
        assertThat(locked.lockedBaud()).isEqualTo(57_600);
    }
}
