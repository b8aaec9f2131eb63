package io.blueflash.sim.wave;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.sim.adapter.SimulatedProbeConnector;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.chip.Stm32F103;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SWD waveform of a {@code --probe sim} session, refereed by sigrok-cli's own {@code swd}
 * decoder: every transaction it reads (port, direction, address, ACK, data) and every line reset
 * must be what the simulator's trace says went over the wire, in the same order.
 */
class SwdVcdSigrokTest {

    @TempDir
    Path temp;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final List<SimTraceEvent> trace = new ArrayList<>();

    private TargetConnection connect(ConnectOptions options) {
        chip.addTraceListener(trace::add);
        return SimulatedProbeConnector.withBoard(chip).connect(ProbeSelector.parse("sim"), options);
    }

    private ConnectOptions vcd(Path file) {
        return ConnectOptions.defaults().withTransportOption(ConnectOptions.SIM_VCD, file.toString());
    }

    @Test
    @DisplayName("given a sim session with --vcd, when it attaches, reads and writes memory, "
            + "then sigrok's swd decoder reads the same transactions as the simulator's trace")
    void givenSessionWithVcd_whenAttachReadWrite_thenSigrokAgreesWithTrace() throws Exception {
        Path file = temp.resolve("session.vcd");
        try (TargetConnection connection = connect(vcd(file))) {
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            memory.write32(0x2000_0000, 0xCAFE_F00D);
            memory.write32(0x2000_0004, 0x0000_0001);
            assertThat(memory.read32(0x2000_0000)).isEqualTo(0xCAFE_F00D);
            memory.read32(0x1FFF_F7E0);
            connection.dapRegisterAccess().orElseThrow().lineReset();
        }

        List<String> expected = SigrokSwd.fromTrace(trace);
        assertThat(expected).filteredOn(line -> !line.equals("LINERESET")).hasSizeGreaterThan(20);
        assertThat(expected).filteredOn(line -> line.equals("LINERESET")).hasSize(2);
        assertThat(SigrokSwd.decode(file)).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("given WAIT answers injected, when the session retries, then sigrok reads each WAIT where the trace has it")
    void givenWaitStorm_whenSessionRetries_thenSigrokSeesTheWaits() throws Exception {
        Path file = temp.resolve("wait.vcd");
        try (TargetConnection connection = connect(vcd(file).withTransportOption(ConnectOptions.SIM_FAULTS, "wait-storm=7"))) {
            connection.memoryAccess().orElseThrow().read32(0xE004_2000);
        }

        List<String> expected = SigrokSwd.fromTrace(trace);
        assertThat(expected).filteredOn(line -> line.endsWith("WAIT")).hasSize(7);
        assertThat(SigrokSwd.decode(file)).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("given a slow SWD clock of 1.8 MHz, when recorded, then sigrok still agrees and the file spans the simulated time")
    void givenOddFrequency_whenRecorded_thenSigrokAgrees() throws Exception {
        Path file = temp.resolve("slow.vcd");
        long spent;
        try (TargetConnection connection = connect(vcd(file).withSwdFrequencyKhz(1800))) {
            connection.memoryAccess().orElseThrow().read32(0x0800_0000);
            // closing writes what the connect's reset-halt owes DEMCR; settled here, spent covers it
            ((io.blueflash.debug.cortexm.CortexMCoreControl) connection.coreControl().orElseThrow()).settle();
            spent = connection.simulatedNanos().orElseThrow();
        }

        assertThat(SigrokSwd.decode(file)).containsExactlyElementsOf(SigrokSwd.fromTrace(trace));
        List<String> lines = Files.readAllLines(file);
        long last = lines.stream().filter(l -> l.startsWith("#")).mapToLong(l -> Long.parseLong(l.substring(1)))
                .max().orElseThrow();
        assertThat(last - ChipWaveforms.LEAD_IN_NANOS).as("the file ends when the session did").isBetween(spent, spent + spent / 10);
    }

    @Test
    @DisplayName("given two sessions of one connector on the same file, when both close, then the file holds both, in time order")
    void givenTwoSessionsOnOneFile_whenClosed_thenSecondContinuesTheFirst() throws Exception {
        Path file = temp.resolve("two.vcd");
        chip.addTraceListener(trace::add);
        SimulatedProbeConnector connector = SimulatedProbeConnector.withBoard(chip);
        try (TargetConnection first = connector.connect(ProbeSelector.parse("sim"), vcd(file))) {
            first.memoryAccess().orElseThrow().read32(0x2000_0000);
        }
        try (TargetConnection second = connector.connect(ProbeSelector.parse("sim"), vcd(file))) {
            second.memoryAccess().orElseThrow().read32(0x2000_0004);
        }

        List<String> expected = SigrokSwd.fromTrace(trace);
        assertThat(expected).filteredOn(line -> line.equals("LINERESET")).hasSize(2);
        assertThat(SigrokSwd.decode(file)).containsExactlyElementsOf(expected);
        long[] times = Files.readAllLines(file).stream().filter(l -> l.startsWith("#"))
                .mapToLong(l -> Long.parseLong(l.substring(1))).toArray();
        assertThat(times).isSorted();
        assertThat(Files.readString(file).split("\\$enddefinitions", -1)).hasSize(2);
    }

    @Test
    @DisplayName("given a request before the DPIDR read a line reset demands, when the target stays silent, "
            + "then the pulled-up line reads as sigrok's NOREPLY where the trace has NO_RESPONSE")
    void givenSilentTarget_whenDrawn_thenSigrokReadsNoReply() throws Exception {
        Path file = temp.resolve("silent.vcd");
        chip.addTraceListener(trace::add);
        try (ChipWaveforms waves = ChipWaveforms.swdProbe(chip, VcdWriter.create(file, 1 << 20, "test"), 0)) {
            chip.addTraceListener(waves);
            chip.swd().lineReset();
            assertThat(chip.swd().read(false, 0x4).ack()).isEqualTo(io.blueflash.sim.trace.SwdAck.NO_RESPONSE);
            chip.swd().lineReset();
            chip.swd().read(false, 0x0);
            chip.swd().write(false, 0x8, 0);
        }

        List<String> expected = SigrokSwd.fromTrace(trace);
        assertThat(expected).contains("DP R 0x4 NOREPLY");
        assertThat(SigrokSwd.decode(file)).containsExactlyElementsOf(expected);
    }
}
