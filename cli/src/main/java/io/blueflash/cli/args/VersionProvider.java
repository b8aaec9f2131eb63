package io.blueflash.cli.args;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code --version}: the Maven project version and the git commit it was built from, both filtered
 * into {@code version.properties} at build time. A build outside a git checkout (a source archive)
 * says "commit unknown" (so does a resource left unfiltered), never a made-up hash.
 */
public final class VersionProvider implements IVersionProvider {

    private static final String RESOURCE = "/io/blueflash/cli/version.properties";

    @Override
    public String[] getVersion() {
        Properties p = load();
        return new String[] {"blueflash " + version(p) + " (commit " + commit(p) + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    /** The Maven project version, e.g. {@code 0.1.0}; "unknown" when the resource is missing. */
    public static String version() {
        return version(load());
    }

    static String version(Properties p) {
        return filtered(p, "version").orElse("unknown");
    }

    /** The abbreviated git commit; "unknown" outside a git checkout. */
    static String commit(Properties p) {
        return filtered(p, "commit").orElse("unknown");
    }

    private static Optional<String> filtered(Properties p, String key) {
        String value = p.getProperty(key, "").trim();
        return value.isEmpty() || value.startsWith("${") ? Optional.empty() : Optional.of(value);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no version resource: every field reads "unknown"
        }
        return p;
    }
}
