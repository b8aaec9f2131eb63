package io.blueflash.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class BytePipeTest {

    @Test
    void givenBytesWrittenByAnotherThread_whenRead_thenSameBytesInOrderAndCounted() throws Exception {
        BytePipe pipe = new BytePipe();
        byte[] data = new byte[200_000];   // more than the ring: the writer must wait for the reader
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Thread writer = new Thread(() -> {
            try (OutputStream out = pipe.output()) {
                out.write(data);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();

        byte[] got = pipe.input().readAllBytes();
        writer.join();

        assertThat(got).isEqualTo(data);
        assertThat(pipe.transferred()).isEqualTo(data.length);
    }

    @Test
    void givenClosedPipe_whenReadEmpty_thenEndOfStream() throws IOException {
        BytePipe pipe = new BytePipe();
        InputStream in = pipe.input();
        pipe.output().write(7);
        pipe.close();

        assertThat(in.read()).isEqualTo(7);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void givenClosedPipe_whenWrite_thenIOException() {
        BytePipe pipe = new BytePipe();
        pipe.close();

        assertThatThrownBy(() -> pipe.output().write(1)).isInstanceOf(IOException.class)
                .hasMessage("the other end closed the line");
    }
}
