package io.blueflash.gdbserver;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.service.EraseFlashService;
import io.blueflash.service.InspectTargetService;
import io.blueflash.service.WriteImageService;
import io.blueflash.sim.adapter.SimulatedProbeConnector;
import io.blueflash.sim.chip.Stm32F103;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A gdb server on port 0 over a simulated STM32F103C8 (in memory, no state file), wired as the CLI's
 * composition root wires it: the api's services over the server's held connection.
 */
final class SimulatedBluePill implements AutoCloseable {

    final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    final TargetConnection connection;
    final GdbServer server;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    SimulatedBluePill() {
        this(SemihostingOutput.GDB);
    }

    SimulatedBluePill(SemihostingOutput semihosting) {
        connection = SimulatedProbeConnector.withBoard(chip).connect(ProbeSelector.parse("sim"), ConnectOptions.defaults());
        PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        server = GdbServer.start(new GdbServerConfig(java.net.InetAddress.getLoopbackAddress(), 0, semihosting, true),
                connection, SimulatedBluePill::useCases, log);
    }

    static FlashUseCases useCases(io.blueflash.port.out.ProbeConnector connector) {
        List<io.blueflash.port.out.ProbeConnector> connectors = List.of(connector);
        return new FlashUseCases(new WriteImageService(connectors), new InspectTargetService(connectors),
                new EraseFlashService(connectors));
    }

    String target() {
        return "localhost:" + server.port();
    }

    String log() {
        synchronized (logBytes) {
            return logBytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.close();
        connection.close();
    }
}
