package io.blueflash.cli.conformance;

import io.blueflash.sim.stlink.StLinkPersonality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The project's virtual ST-Link ({@code transport-usb/src/test/c/virtual-stlink}): an LD_PRELOAD
 * library defining the libusb-1.0 calls of usb4java's native library and of stlink-tools, posing as
 * the probes of {@code VIRTUAL_STLINK} and forwarding each ST-Link command block to an
 * stlink-server TCP port ({@code sim serve --stlink-tcp}). Built here with gcc, once per test JVM and
 * again when a source is newer than the library.
 */
final class VirtualStLink {

    private static final PreloadLibrary LIBRARY =
            new PreloadLibrary("virtual-stlink", "../transport-usb/src/test/c/virtual-stlink", "-lpthread");

    private VirtualStLink() {
    }

    /**
     * One virtual probe: posing as {@code personality} (its model and serial), forwarding to
     * 127.0.0.1:{@code port}, with an optional fault ({@code access}, {@code vanish@wN},
     * {@code timeout@wN}, {@code stall@wN}: the Nth memory-write command's data phase).
     */
    record Probe(StLinkPersonality personality, int port, String fault) {

        Probe(StLinkPersonality personality, int port) {
            this(personality, port, "");
        }

        String spec() {
            String model = personality.model().toLowerCase(java.util.Locale.ROOT);
            return (model + " " + personality.serial() + " 127.0.0.1:" + port + " " + fault).trim();
        }
    }

    /** The environment that puts {@code probes} (and nothing else) on a client's USB. */
    static Map<String, String> environment(Probe... probes) {
        return Map.of("LD_PRELOAD", library().toString(),
                "VIRTUAL_STLINK", Stream.of(probes).map(Probe::spec).collect(Collectors.joining(";")));
    }

    /** Builds the library when needed; skips the calling test, saying why, without gcc or libusb's header. */
    static Path library() {
        assumeTrue(Files.exists(Path.of("/usr/include/libusb-1.0/libusb.h")), "libusb.h is missing: cannot build"
                + " the virtual ST-Link (apt-get install -y libusb-1.0-0-dev; .ci/run installs it)");
        return LIBRARY.build();
    }
}
