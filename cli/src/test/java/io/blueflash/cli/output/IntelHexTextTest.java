package io.blueflash.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.IntelHexImageReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IntelHexTextTest {

    @Test
    void givenSmallBlock_whenWritten_thenExactRecords() {
        assertThat(IntelHexText.of(0x0800_0000L, new byte[] {0x00, 0x50, 0x00, 0x20}))
                .isEqualTo(":020000040800F2\n:04000000005000208C\n:00000001FF\n");
    }

    @Test
    void givenBlockCrossing64kBoundary_whenReadBackByTheImageReader_thenSameBytesAtSameAddress() {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        long address = 0x0800_FFF8L; // 8 bytes before a 64 KiB boundary, record cut there
        String text = IntelHexText.of(address, data);
        assertThat(text).contains(":020000040801F1");
        FirmwareImage image = new IntelHexImageReader().read("t.hex", text.getBytes(StandardCharsets.US_ASCII));
        assertThat(image.segments()).hasSize(1);
        assertThat(image.segments().get(0).address()).isEqualTo(address);
        assertThat(image.segments().get(0).data()).isEqualTo(data);
    }
}
