package io.blueflash.sim.wave;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.bootloader.BootloaderEmulator;
import io.blueflash.sim.chip.Stm32F103;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ROM bootloader's USART1 lines (AN3155) as a VCD, refereed by sigrok-cli's {@code uart}
 * decoder: the bytes it reads on RX and TX must be the bytes the host sent and the emulator answered.
 */
class UartVcdSigrokTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("given a bootloader conversation at 115200 8E1, when drawn, then sigrok's uart decoder reads the same bytes both ways")
    void givenBootloaderConversation_whenDrawn_thenSigrokReadsTheSameBytes() throws Exception {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        Path file = temp.resolve("bootloader.vcd");
        byte[] host = HexFormat.of().parseHex(
                "7f" + "00ff" + "01fe" + "02fd"                      // sync, GET, GET VERSION, GET ID
                        + "11ee" + "1fff f7e0 f7".replace(" ", "") + "01fe"); // READ MEMORY 2 bytes at F_SIZE
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        try (ChipWaveforms waves = ChipWaveforms.bootloaderUart(chip, VcdWriter.create(file, 1 << 24, "test"), 0,
                115_200, true)) {
            BootloaderEmulator bootloader = new BootloaderEmulator(chip, 115_200);
            bootloader.observe(waves::uartCharacter);
            bootloader.serve(new ByteArrayInputStream(host), answers);
        }

        List<SigrokCli.Annotation> decoded = SigrokCli.decode(file,
                "uart:rx=USART1_RX:tx=USART1_TX:baudrate=115200:parity=even", "uart=rx-data:tx-data");
        assertThat(bytes(decoded, "RX")).isEqualTo(host);
        assertThat(answers.toByteArray()).hasSizeGreaterThan(20).startsWith(BootloaderEmulator.ACK);
        assertThat(bytes(decoded, "TX")).isEqualTo(answers.toByteArray());
        assertThat(SigrokCli.decode(file, "uart:rx=USART1_RX:tx=USART1_TX:baudrate=115200:parity=even",
                "uart=rx-parity-err:tx-parity-err:rx-warnings:tx-warnings")).as("no parity or framing error").isEmpty();
    }

    @Test
    @DisplayName("given 8N1 at 9600 baud, when a byte is drawn, then the line shows start, 8 data bits LSB first and stop")
    void givenEightNOne_whenByteDrawn_thenFrameBitsOnTheLine() throws Exception {
        Path file = temp.resolve("one.vcd");
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        try (ChipWaveforms waves = ChipWaveforms.bootloaderUart(chip, VcdWriter.create(file, 1 << 20, "test"), 0,
                9_600, false)) {
            chip.runFor(2_000_000);
            waves.uartCharacter(false, 0x55);
            chip.runFor(2_000_000);
            waves.uartCharacter(true, 0xA3);
        }

        List<SigrokCli.Annotation> decoded = SigrokCli.decode(file, "uart:rx=USART1_RX:tx=USART1_TX:baudrate=9600",
                "uart=rx-data:tx-data");
        assertThat(decoded).extracting(SigrokCli.Annotation::text).containsExactly("55", "A3");
    }

    /** @param row the decoder's annotation row, {@code RX} or {@code TX} (here only data annotations are asked for) */
    private static byte[] bytes(List<SigrokCli.Annotation> annotations, String row) {
        List<Integer> values = new ArrayList<>();
        for (SigrokCli.Annotation a : annotations) {
            if (a.annotationClass().equals(row)) {
                values.add(Integer.parseInt(a.text(), 16));
            }
        }
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).byteValue();
        }
        return out;
    }
}
