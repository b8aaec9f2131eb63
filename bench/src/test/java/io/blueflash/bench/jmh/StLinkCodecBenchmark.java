package io.blueflash.bench.jmh;

import io.blueflash.model.TraceSink;
import io.blueflash.port.out.AccessWidth;
import io.blueflash.transport.usb.stlink.StLinkChannel;
import io.blueflash.transport.usb.stlink.StLinkMemoryAccess;
import io.blueflash.transport.usb.stlink.StLinkProtocol;
import io.blueflash.transport.usb.stlink.WaitBackoff;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The host's ST-Link protocol alone: command blocks encoded, replies and status words decoded, over
 * a channel that answers instantly with "OK" (no emulator, no simulator), so the figure is the
 * host-side cost per USB command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StLinkCodecBenchmark {

    private StLinkMemoryAccess memory;
    private final byte[] page = new byte[1024];

    /** Replies GET_VERSION as a V2 with firmware J37S7 and every other command with status 0x80 (OK). */
    static final class InstantChannel implements StLinkChannel {
        @Override
        public byte[] transfer(byte[] command16, byte[] dataOut, int replyLength) {
            byte[] reply = new byte[replyLength];
            if ((command16[0] & 0xFF) == 0xF1 && replyLength == 6) {
                int v = 2 << 12 | 37 << 6 | 7;
                reply[0] = (byte) (v >> 8);
                reply[1] = (byte) v;
                reply[2] = (byte) 0x83;
                reply[3] = 0x04;
                reply[4] = 0x48;
                reply[5] = 0x37;
            } else if (replyLength > 0) {
                reply[0] = (byte) 0x80;
            }
            return reply;
        }

        @Override
        public void close() {
        }
    }

    @Setup
    public void setUp() {
        StLinkProtocol protocol = new StLinkProtocol(new InstantChannel(), WaitBackoff.NONE, TraceSink.NONE);
        protocol.readVersion();
        memory = new StLinkMemoryAccess(protocol);
    }

    /** READMEM_32BIT + GETLASTRWSTATUS2. */
    @Benchmark
    public int read32() {
        return memory.read32(0x4002_200C);
    }

    /** WRITEMEM_16BIT of one 1 KB page + GETLASTRWSTATUS2. */
    @Benchmark
    public byte[] writePageHalfWords() {
        memory.writeBlock(0x0800_0000, page, AccessWidth.HALFWORD);
        return page;
    }
}
