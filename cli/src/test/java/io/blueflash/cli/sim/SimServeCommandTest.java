package io.blueflash.cli.sim;

import io.blueflash.sim.chip.SimStateFile;
import io.blueflash.sim.chip.Stm32F103;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SimServeCommandTest {

    @TempDir
    Path dir;

    private int execute(InputStream stdin, ByteArrayOutputStream out, String... args) {
        return new CommandLine(new SimServeCommand(stdin, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .setErr(new java.io.PrintWriter(out, true))
                .execute(args);
    }

    @Test
    void givenBlueflashCommandLine_whenSimServeHelpAsked_thenTheSubcommandIsRegistered() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(out, true, StandardCharsets.UTF_8);

        int exit = io.blueflash.cli.FlashToolMain.run(new String[] {"sim", "serve", "--help"},
                new io.blueflash.cli.console.CliEnvironment(sink, sink, false, dir, java.util.Map.of()));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--stlink-tcp", "--jtag-bitbang", "--bmp-tcp");
    }

    @Test
    void givenSimServeHelp_whenPrinted_thenEverySimulatedProfileIsListedIncludingTheXlPart() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(out, true, StandardCharsets.UTF_8);

        io.blueflash.cli.FlashToolMain.run(new String[] {"sim", "serve", "--help"},
                new io.blueflash.cli.console.CliEnvironment(sink, sink, false, dir, java.util.Map.of()));

        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertThat(io.blueflash.sim.chip.SimProfile.knownNames()).allSatisfy(name -> assertThat(help).contains(name));
        assertThat(help).contains("stm32f103zg");
    }

    @Test
    void givenFlashSizeThatIsNotWholePages_whenServing_thenRefusedNamingTheRule() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(out, true, StandardCharsets.UTF_8);

        int exit = io.blueflash.cli.FlashToolMain.run(new String[] {"--flash=1500", "sim", "serve", "--state",
                        dir.resolve("s").toString(), "--bmp-tcp", "0"},
                new io.blueflash.cli.console.CliEnvironment(sink, sink, false, dir, java.util.Map.of()));

        assertThat(exit).isNotZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--flash", "whole 1024-byte pages");
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void givenNoFrontEnd_whenParsed_thenUsageErrorNamesTheChoices() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = execute(new ByteArrayInputStream(new byte[0]), out, "--state", dir.resolve("s").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--stlink-tcp", "--jtag-bitbang", "--bootloader-pty");
    }

    @Test
    void givenTwoFrontEnds_whenParsed_thenRefusedAsMutuallyExclusive() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = execute(new ByteArrayInputStream(new byte[0]), out, "--state", dir.resolve("s").toString(),
                "--stlink-tcp", "0", "--jtag-bitbang", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("mutually exclusive");
    }

    @Test
    void givenJtagBitbangServing_whenClientReadsIdcodeAndInputEnds_thenStopsAndSavesTheState() throws Exception {
        Path state = dir.resolve("chip.sim");
        PipedOutputStream stdinWriter = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(stdinWriter);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> execute(stdin, out, "--state", state.toString(), "--jtag-bitbang", "0"));
        int port = awaitPort(out);

        long idcode;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            idcode = readIdcode(socket.getInputStream(), socket.getOutputStream());
        }
        stdinWriter.close();

        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(idcode).isEqualTo(0x3BA00477L);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stopped after 1 client session(s)");
        assertThat(state).exists();
        SimStateFile.loadInto(state, Stm32F103.create("stm32f103c8"));
    }

    @Test
    void givenJtagKhz1_whenClientClocks43TckCyclesToReadIdcode_thenItsSessionTook43MillisecondsSimulated()
            throws Exception {
        PipedOutputStream stdinWriter = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(stdinWriter);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> execute(stdin, out,
                "--state", dir.resolve("chip.sim").toString(), "--jtag-bitbang", "0", "--jtag-khz", "1", "--no-wall-clock"));
        int port = awaitPort(out);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(readIdcode(socket.getInputStream(), socket.getOutputStream())).isEqualTo(0x3BA00477L);
        }
        stdinWriter.close();

        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("TCK 1 kHz", "client session 1: 43.000 ms simulated");
    }

    @Test
    void givenJtagKhzZero_whenServing_thenRefusedNamingTheOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = execute(new ByteArrayInputStream(new byte[0]), out, "--state", dir.resolve("s").toString(),
                "--jtag-bitbang", "0", "--jtag-khz", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--jtag-khz");
    }

    @Test
    void givenStlinkModelAndSerial_whenTwoClientsOpenTheProbeAtOnce_thenBothSeeThatProbeAndBothAreServed()
            throws Exception {
        PipedOutputStream stdinWriter = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(stdinWriter);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> execute(stdin, out, "--state",
                dir.resolve("chip.sim").toString(), "--stlink-tcp", "0", "--stlink-model", "v3",
                "--stlink-serial", "SIMV3PROBE0001"));
        int port = awaitPort(out);

        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), port);
             Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
            ByteBuffer firstInfo = deviceInfo(first);
            ByteBuffer secondInfo = deviceInfo(second);
            int firstConnection = open(first, firstInfo.getInt(4));
            int secondConnection = open(second, secondInfo.getInt(4));

            assertThat(new String(firstInfo.array(), 8, 14, StandardCharsets.US_ASCII)).isEqualTo("SIMV3PROBE0001");
            assertThat(firstInfo.getShort(42) & 0xFFFF).as("PID of a V3").isEqualTo(0x374F);
            assertThat(firstInfo.get(44)).as("shared, not exclusively in use").isZero();
            assertThat(firstConnection).isNotEqualTo(secondConnection);
            assertThat(getVersion(second, secondConnection)[0] >> 4).as("hardware V3").isEqualTo(3);
            assertThat(getVersion(first, firstConnection)[0] >> 4).as("the first client is still served").isEqualTo(3);
            assertThat(getVersionStatus(first, secondConnection)).as("another client's connection id")
                    .isEqualTo(0x1002);
        }
        stdinWriter.close();

        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ST-Link/V3 (V3J7M3, serial SIMV3PROBE0001");
    }

    @Test
    void givenUnknownStlinkModel_whenParsed_thenUsageErrorNamesTheModels() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = execute(new ByteArrayInputStream(new byte[0]), out, "--state", dir.resolve("s").toString(),
                "--stlink-tcp", "0", "--stlink-model", "v9");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("V2, V2-1 or V3");
    }

    /** stlink-server requests (little-endian): server version, refresh, device count, device info of index 0. */
    private static ByteBuffer deviceInfo(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] {0x06, 1, 0, 0, 0x00, 0, 0x01, 0x02, 0, 0, 0, 41, 0, 0, 0});
        out.flush();
        byte[] reply = socket.getInputStream().readNBytes(16 + 4 + 4);
        assertThat(ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN).getInt(20)).as("device count").isEqualTo(1);
        return ByteBuffer.wrap(socket.getInputStream().readNBytes(45)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int open(Socket socket, int deviceId) throws IOException {
        socket.getOutputStream().write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x03)
                .position(4).putInt(deviceId).array());
        ByteBuffer reply = ByteBuffer.wrap(socket.getInputStream().readNBytes(8)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(reply.getInt(0)).as("open status").isEqualTo(1);
        return reply.getInt(4);
    }

    /** GET_VERSION (0xF1) as a USB command reading 6 bytes; returns the reply after the status word. */
    private static byte[] getVersion(Socket socket, int connection) throws IOException {
        ByteBuffer reply = usbGetVersion(socket, connection);
        assertThat(reply.getInt(0)).as("USB command status").isEqualTo(1);
        return java.util.Arrays.copyOfRange(reply.array(), 4, 10);
    }

    private static int getVersionStatus(Socket socket, int connection) throws IOException {
        return usbGetVersion(socket, connection).getInt(0);
    }

    private static ByteBuffer usbGetVersion(Socket socket, int connection) throws IOException {
        ByteBuffer request = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        request.put((byte) 0x05).position(4);
        request.putInt(connection).put((byte) 0xF1).position(24);
        request.put((byte) 1).position(28);
        request.putInt(6);
        socket.getOutputStream().write(request.array());
        return ByteBuffer.wrap(socket.getInputStream().readNBytes(10)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Test-Logic-Reset, Run-Test/Idle, then a 32-bit DR scan: the TAP nearest TDO (the JTAG-DP) shows its IDCODE. */
    /** Clocks TCK 43 times: Test-Logic-Reset (5), to Shift-DR (4), 32 bits out, back to Run-Test/Idle (2). */
    private static long readIdcode(InputStream in, OutputStream out) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append("26");
        }
        s.append("04").append("26").append("04").append("04");
        for (int i = 0; i < 32; i++) {
            s.append(i == 31 ? "2R6" : "0R4");
        }
        s.append("26").append("04").append('Q');
        out.write(s.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        long value = 0;
        for (int i = 0; i < 32; i++) {
            if (in.read() == '1') {
                value |= 1L << i;
            }
        }
        return value;
    }

    private static int awaitPort(ByteArrayOutputStream out) throws InterruptedException {
        Pattern port = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = port.matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(10); // waiting for the server thread to start, not simulated time
        }
        throw new AssertionError("sim serve did not print its port: " + out);
    }
}
