package io.blueflash.transport.serial.gdb;

import io.blueflash.model.ConnectMode;
import io.blueflash.model.ConnectOptions;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.gdb.GdbServerEmulator;
import io.blueflash.transport.serial.line.SerialSettings;
import io.blueflash.transport.serial.line.StreamSerialLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 7: a Black Magic Probe keeps its GDB session state while host processes come and
 * go on its USB serial port. After a session that ended without detaching (killed, Ctrl-C), the next
 * one recovers the link instead of failing once with "no acknowledgement".
 */
class BlackMagicProbeRecoveryTest {

    private static final String PORT = "/dev/ttyACM-persistent";

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final GdbServerEmulator emulator = new GdbServerEmulator(chip);
    private PipedInputStream hostIn;
    private PipedOutputStream hostOut;
    private Thread server;
    /** What the probe sends goes to the process that has the port open now, as the tty driver does. */
    private volatile PipedOutputStream currentProcess;
    private Thread relay;

    /** One emulator session on a port that stays open across host processes, as a real BMP's CDC port. */
    @BeforeEach
    void startProbe() throws IOException {
        PipedInputStream probeIn = new PipedInputStream(1 << 16);
        hostOut = new PipedOutputStream(probeIn);
        hostIn = new PipedInputStream(1 << 16);
        PipedOutputStream probeOut = new PipedOutputStream(hostIn);
        server = new Thread(() -> {
            try (probeOut) {
                emulator.serve(probeIn, probeOut);
            } catch (IOException ignored) {
                // the test ended the port
            }
        }, "bmp-persistent");
        server.setDaemon(true);
        server.start();
        relay = new Thread(() -> {
            byte[] chunk = new byte[1024];
            try {
                int n;
                while ((n = hostIn.read(chunk)) >= 0) {
                    PipedOutputStream to = currentProcess;
                    if (to != null) {
                        to.write(chunk, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException ignored) {
                // the port closed
            }
        }, "bmp-port");
        relay.setDaemon(true);
        relay.start();
    }

    @AfterEach
    void stopProbe() throws Exception {
        hostOut.close();
        server.join(5_000);
    }

    /** A new host process opening the port: what the probe sends from now on reaches it alone. */
    private StreamSerialLine hostProcess() throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        currentProcess = new PipedOutputStream(in);
        return new StreamSerialLine(PORT, SerialSettings.eightNoneOne(115_200), in, new java.io.FilterOutputStream(hostOut) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // the port stays open for the next process
            }
        });
    }

    @Test
    void givenEarlierSessionKilledInNoAckMode_whenNextSessionConnects_thenItWorksFirstTime() throws IOException {
        ConnectOptions noAck = ConnectOptions.defaults().withTransportOption(BlackMagicTargetConnection.NO_ACK_OPTION, "true");
        BlackMagicTargetConnection killed = BlackMagicTargetConnection.open(hostProcess(), noAck);
        assertThat(killed.memoryAccess().orElseThrow().read32(0xE004_2000) & 0xFFF).isEqualTo(0x410);
        // the process dies here: no detach, the probe stays in no-ack mode

        BlackMagicTargetConnection next = BlackMagicTargetConnection.open(hostProcess(), ConnectOptions.defaults());

        assertThat(next.memoryAccess().orElseThrow().read32(0xE004_2000) & 0xFFF).isEqualTo(0x410);
    }

    @Test
    void givenEarlierSessionKilledWithTheTargetRunning_whenNextSessionConnects_thenItHaltsAndWorks() throws IOException {
        BlackMagicTargetConnection killed = BlackMagicTargetConnection.open(hostProcess(),
                ConnectOptions.defaults().withMode(ConnectMode.NORMAL));
        killed.coreControl().orElseThrow().resume();

        BlackMagicTargetConnection next = BlackMagicTargetConnection.open(hostProcess(), ConnectOptions.defaults());

        assertThat(next.coreControl().orElseThrow().isHalted()).isTrue();
        assertThat(next.memoryAccess().orElseThrow().read32(0xE004_2000) & 0xFFF).isEqualTo(0x410);
    }
}
