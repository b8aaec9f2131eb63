package io.blueflash.transport.usb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeLinkException;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.sim.stlink.StLinkPersonality;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class StLinkServerProbeConnectorTest {

    private final StLinkServerProbeConnector connector = new StLinkServerProbeConnector();

    @Test
    void givenNoArgument_whenParsed_thenStsDefaultPortOnLoopback() {
        assertThat(StLinkServerAddress.parse("")).isEqualTo(new StLinkServerAddress("127.0.0.1", 7184, ""));
        assertThat(StLinkServerAddress.parse("lab-pc:7200:0671FF")).isEqualTo(new StLinkServerAddress("lab-pc", 7200,
                "0671FF"));
    }

    @Test
    void givenMalformedAddress_whenConnecting_thenProbeNotFoundSpellsTheForms() {
        assertThatThrownBy(() -> connector.connect(ProbeSelector.parse("stlink-server:localhost"), ConnectOptions.defaults()))
                .isInstanceOf(ProbeNotFoundException.class)
                .hasMessageContaining("stlink-server:HOST:PORT");
        assertThatThrownBy(() -> StLinkServerAddress.parse("h:99999")).isInstanceOf(ProbeNotFoundException.class);
    }

    @Test
    void givenNothingListening_whenConnecting_thenProbeNotFoundNamesSimServe() throws IOException {
        int port;
        try (ServerSocket closedAgain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closedAgain.getLocalPort();
        }
        assertThatThrownBy(() -> connector.connect(ProbeSelector.parse("stlink-server:127.0.0.1:" + port),
                ConnectOptions.defaults()))
                .isInstanceOf(ProbeNotFoundException.class)
                .hasMessageContaining("no stlink-server at 127.0.0.1:" + port)
                .hasMessageContaining("sim serve --stlink-tcp " + port);
    }

    @Test
    void givenServerWithOneProbe_whenAnotherSerialAsked_thenNotFoundListsTheServersProbe() {
        try (LoopbackStLinkServer server = new LoopbackStLinkServer(StLinkPersonality.v21())) {
            assertThatThrownBy(() -> connector.connect(ProbeSelector.parse(server.selector() + ":NOSUCHSERIAL"),
                    ConnectOptions.defaults()))
                    .isInstanceOf(ProbeNotFoundException.class)
                    .hasMessageContaining(StLinkPersonality.v21().serial());
        }
    }

    @Test
    void givenServerProbe_whenConnectedBySerial_thenTheChipIsIdentifiedAndTheServerConnectionClosedAfterwards() {
        try (LoopbackStLinkServer server = new LoopbackStLinkServer(StLinkPersonality.v3())) {
            try (TargetConnection connection = connector.connect(ProbeSelector.parse(server.selector() + ":"
                    + StLinkPersonality.v3().serial()), ConnectOptions.defaults())) {
                assertThat(connection.memoryAccess().orElseThrow().read32(0xE004_2000) & 0xFFF).isEqualTo(0x410);
                assertThat(server.server.openConnections()).isEqualTo(1);
            }
            assertThat(server.emulator.counters().commands()).isPositive();
            awaitClosed(server);
        }
    }

    @Test
    void givenProbeThatStopsAnswering_whenReading_thenCommunicationErrorNamesTheServer() {
        try (LoopbackStLinkServer server = new LoopbackStLinkServer(StLinkPersonality.v2())) {
            TargetConnection connection = connector.connect(ProbeSelector.parse(server.selector()),
                    ConnectOptions.defaults());
            server.silent = true;
            assertThatThrownBy(() -> connection.memoryAccess().orElseThrow().read32(0x0800_0000))
                    .isInstanceOf(TargetCommunicationException.class)
                    .hasMessageContaining("did not answer");
            connection.close();
        }
    }

    @Test
    void givenServerThatDropsTheConnection_whenReading_thenProbeLinkErrorSaysTheServerWasLost() throws IOException {
        try (LoopbackStLinkServer server = new LoopbackStLinkServer(StLinkPersonality.v2())) {
            TargetConnection connection = connector.connect(ProbeSelector.parse(server.selector()),
                    ConnectOptions.defaults());
            server.dropClients();
            assertThatThrownBy(() -> connection.memoryAccess().orElseThrow().read32(0x0800_0000))
                    .isInstanceOf(ProbeLinkException.class)
                    .hasMessageContaining("lost the stlink-server at 127.0.0.1:" + server.port());
            connection.close();
        }
    }

    @Test
    void givenAnyServer_whenProbesListed_thenNothingIsProbedOnTheNetwork() {
        assertThat(connector.listProbes()).isEmpty();
        assertThat(connector.transportName()).isEqualTo("stlink-server");
    }

    private static void awaitClosed(LoopbackStLinkServer server) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.server.openConnections() != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(server.server.openConnections()).as("closed on the server").isZero();
    }
}
