package io.blueflash.sim.wave;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.jtag.TckClock;
import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.trace.SimTraceEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JTAG connector of a remote_bitbang session as a VCD, refereed by sigrok-cli's {@code jtag} and
 * {@code jtag_stm32} decoders: the instructions, the DPACC/APACC requests shifted in and the results
 * shifted out must be what the client sent and read, and the results what the simulator's trace says
 * the DP answered.
 */
class JtagVcdSigrokTest {

    private static final int IR_DPACC = 0xA, IR_APACC = 0xB, IR_IDCODE = 0xE, BS_BYPASS = 0x1F;

    @TempDir
    Path temp;

    /** A remote_bitbang client script (OpenOCD's character protocol) that remembers what it shifted. */
    private static final class Client {
        final StringBuilder chars = new StringBuilder();
        /** Per DR scan: the value shifted in (LSB first), its length, the TDO read-back position and the DP instruction. */
        final List<long[]> drScans = new ArrayList<>();
        int reads;
        int instruction;

        void cycle(int tms, int tdi, boolean read) {
            chars.append((char) ('0' + (tms << 1 | tdi)));
            if (read) {
                chars.append('R');
                reads++;
            }
            chars.append((char) ('4' + (tms << 1 | tdi)));
        }

        void resetToIdle() {
            for (int i = 0; i < 6; i++) {
                cycle(1, 0, false);
            }
            cycle(0, 0, false);
        }

        /** From Run-Test/Idle through Shift, {@code bits} shifted, Update, back to Run-Test/Idle. */
        void scan(boolean ir, long value, int bits) {
            cycle(1, 0, false);
            if (ir) {
                cycle(1, 0, false);
            }
            cycle(0, 0, false);
            cycle(0, 0, false);
            if (!ir) {
                drScans.add(new long[] {value, bits, reads, instruction});
            }
            for (int i = 0; i < bits; i++) {
                cycle(i == bits - 1 ? 1 : 0, (int) (value >>> i & 1), true);
            }
            cycle(1, 0, false);
            cycle(0, 0, false);
            cycle(0, 0, false);
        }

        /** IR for both TAPs: the boundary-scan TAP (nearest TDI) in BYPASS, the DP's instruction. */
        void instruction(int dp) {
            instruction = dp;
            scan(true, (long) BS_BYPASS << 4 | dp, 9);
        }

        /**
         * A DPACC/APACC request: data, A[3:2], RnW, then the boundary-scan TAP's bypass bit; the
         * instruction is scanned again first, as sigrok's jtag_stm32 decoder expects one before each access.
         */
        void access(int dp, int address, boolean read, int data) {
            instruction(dp);
            scan(false, (Integer.toUnsignedLong(data) << 3 | (address >>> 2 & 3) << 1 | (read ? 1 : 0)), 36);
        }
    }

    @Test
    @DisplayName("given a JTAG session reading IDCODE, powering up and reading the AHB-AP's IDR, when drawn, "
            + "then sigrok's jtag_stm32 decodes the client's requests and the DP's answers")
    void givenJtagSession_whenDrawn_thenSigrokDecodesRequestsAndResults() throws Exception {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        List<SimTraceEvent> trace = new ArrayList<>();
        chip.addTraceListener(trace::add);
        Client client = new Client();
        client.resetToIdle();
        client.instruction(IR_IDCODE);
        client.scan(false, 0, 33);
        client.access(IR_DPACC, 0x4, false, 0x5000_0000);  // CTRL/STAT <- CSYSPWRUPREQ | CDBGPWRUPREQ
        client.access(IR_DPACC, 0x8, false, 0x0000_00F0);  // SELECT <- AP 0, bank 0xF
        client.access(IR_APACC, 0xC, true, 0);             // IDR
        client.access(IR_DPACC, 0xC, true, 0);             // RDBUFF: the IDR value
        client.access(IR_DPACC, 0x4, true, 0);             // CTRL/STAT
        client.access(IR_DPACC, 0xC, true, 0);             // RDBUFF: the CTRL/STAT value
        client.chars.append('Q');

        Path file = temp.resolve("jtag.vcd");
        ByteArrayOutputStream tdo = new ByteArrayOutputStream();
        try (ChipWaveforms waves = ChipWaveforms.jtagProbe(chip, VcdWriter.create(file, 1 << 24, "test"), 0, TckClock.DEFAULT_HZ)) {
            SimEmulators.jtagBitbang(chip, TckClock.DEFAULT_HZ, waves).serve(
                    new ByteArrayInputStream(client.chars.toString().getBytes(StandardCharsets.US_ASCII)), tdo);
        }
        String readBack = tdo.toString(StandardCharsets.US_ASCII);
        assertThat(readBack).hasSize(client.reads);

        List<String> expected = new ArrayList<>();
        for (long[] scan : client.drScans) {
            long in = scan[0];
            long out = 0;
            for (int i = 0; i < scan[1]; i++) {
                out |= (long) (readBack.charAt((int) scan[2] + i) - '0') << i;
            }
            if (scan[1] == 33) {
                expected.add(String.format("IDCODE: 0x%x (ARM Ltd.: JTAG-DP/JTAG-DP)", out & 0xFFFF_FFFFL));
                continue;
            }
            String[] dp = {"Reserved", "DP CTRL/STAT", "DP SELECT", "DP RDBUFF"};
            int a = (int) (in >>> 1 & 3);
            boolean apacc = scan[3] == IR_APACC;
            expected.add(String.format("New transaction: DATA: 0x%x, A: %s, RnW: %s", in >>> 3 & 0xFFFF_FFFFL,
                    apacc ? String.format("%2s", Integer.toBinaryString(a)).replace(' ', '0') : dp[a],
                    (in & 1) != 0 ? "Read request" : "Write request"));
            long ack = out & 7;
            expected.add(String.format("Previous transaction result: DATA: 0x%x, ACK: %s", out >>> 3 & 0xFFFF_FFFFL,
                    ack == 0b010 ? "OK/FAULT" : ack == 0b001 ? "WAIT" : "Reserved"));
        }

        List<String> decoded = SigrokCli.decode(file, "jtag:tdi=TDI:tdo=TDO:tck=TCK:tms=TMS,jtag_stm32",
                "jtag_stm32=command").stream().map(SigrokCli.Annotation::text).filter(t -> !t.startsWith("IR: ")).toList();
        assertThat(decoded).containsExactlyElementsOf(expected);
        assertThat(expected.get(0)).isEqualTo("IDCODE: 0x3ba00477 (ARM Ltd.: JTAG-DP/JTAG-DP)");
        int idr = chip.profile().apIdr();
        assertThat(trace).as("the simulator's account: the AHB-AP's IDR came back through RDBUFF")
                .anyMatch(e -> e instanceof SimTraceEvent.SwdTransaction t && !t.ap() && t.read() && t.address() == 0xC
                        && t.data() == idr);
        assertThat(decoded).contains(String.format("Previous transaction result: DATA: 0x%x, ACK: OK/FAULT", idr));
    }
}
