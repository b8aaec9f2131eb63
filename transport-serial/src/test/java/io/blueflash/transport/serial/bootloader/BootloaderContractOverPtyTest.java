package io.blueflash.transport.serial.bootloader;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.blueflash.contract.TargetConnectionContract;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.sim.bootloader.BootloaderEmulator;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.transport.serial.line.JsscSerialLine;
import io.blueflash.transport.serial.testing.ClosingSerialLine;
import io.blueflash.transport.serial.testing.EmulatedBootloader;
import io.blueflash.transport.serial.testing.SocatPtyPair;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same contract through the real jssc native library on a socat pseudo-terminal pair, 8N1
 * (ptys refuse parity, conformance.md). Each connection gets its own pair and bootloader session
 * on the same chip. Skipped without socat.
 */
class BootloaderContractOverPtyTest extends TargetConnectionContract {

    @TempDir
    Path dir;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private int pairs;

    @BeforeEach
    void needsSocat() {
        assumeTrue(SocatPtyPair.socatAvailable(),
                "socat is not installed: skipping the pseudo-terminal contract (apt-get install socat; CI installs it)");
    }

    @Override
    protected ProbeConnector connector() {
        return new BootloaderProbeConnector((port, settings) -> {
            try {
                SocatPtyPair pair = SocatPtyPair.start(Files.createDirectories(dir.resolve("pair" + pairs++)));
                InputStream in = pair.openDeviceInput();
                OutputStream out = pair.openDeviceOutput();
                Thread device = EmulatedBootloader.serveOnThread(
                        new BootloaderEmulator(chip, settings.baud(), settings.bitsPerCharacter()), in, out);
                return new ClosingSerialLine(JsscSerialLine.open(pair.hostEnd().toString(), settings), () -> {
                    pair.close();
                    device.join(5_000);
                    in.close();
                    out.close();
                });
            } catch (Exception e) {
                throw new IllegalStateException("cannot set up the pty pair: " + e, e);
            }
        }, BootloaderTimeouts.defaults());
    }

    @Override
    protected ProbeSelector selector() {
        return ProbeSelector.parse("bootloader:pty");
    }

    @Override
    protected ConnectOptions connectOptions() {
        return ConnectOptions.defaults().withTransportOption("baud", "115200").withTransportOption("parity", "none");
    }
}
