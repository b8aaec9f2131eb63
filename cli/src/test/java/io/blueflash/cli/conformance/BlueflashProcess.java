package io.blueflash.cli.conformance;

import io.blueflash.cli.FlashToolMain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs blueflash in a fresh JVM on the test class path, so that an
 * environment set for that process alone (LD_PRELOAD of the virtual ST-Link) reaches usb4java's
 * native library exactly as it would in {@code java -jar blueflash.jar}.
 */
final class BlueflashProcess {

    private BlueflashProcess() {
    }

    static String[] command(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                FlashToolMain.class.getName()));
        command.addAll(List.of(arguments));
        return command.toArray(String[]::new);
    }
}
