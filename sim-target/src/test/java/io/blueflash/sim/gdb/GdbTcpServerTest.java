package io.blueflash.sim.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GdbTcpServerTest {

    private static String exchange(InputStream in, OutputStream out, String payload) throws Exception {
        out.write(RspTestClient.frame(payload).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        assertThat((char) in.read()).isEqualTo('+');
        assertThat((char) in.read()).isEqualTo('$');
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '#') {
            body.write(b);
        }
        in.read();
        in.read();
        out.write('+');
        out.flush();
        return body.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void givenTcpServer_whenGdbConnectsTwice_thenEachSessionIsServedOnLoopback() throws Exception {
        try (GdbTcpServer server = GdbServerEmulator.serveTcp(Stm32F103.create("stm32f103c8"), 0)) {
            for (int session = 0; session < 2; session++) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                    assertThat(exchange(socket.getInputStream(), socket.getOutputStream(), "qSupported"))
                            .startsWith("PacketSize=400;");
                    assertThat(exchange(socket.getInputStream(), socket.getOutputStream(), "qC")).isEqualTo("QC1");
                }
            }
            assertThat(server.emulator().packetsReceived()).isEqualTo(4);
        }
    }
}
