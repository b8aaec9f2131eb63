package io.blueflash.cli.args;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class VersionProviderTest {

    private static Properties props(String version, String commit) {
        Properties p = new Properties();
        p.setProperty("version", version);
        p.setProperty("commit", commit);
        return p;
    }

    @Test
    void givenTheBuiltResource_whenAskedForTheVersion_thenMavenVersionAndAGitCommit() {
        String[] lines = new VersionProvider().getVersion();
        // the build runs in a git checkout (CI clones), so the commit is filtered in: 10 hex digits
        assertThat(lines[0]).matches("blueflash \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [0-9a-f]{10}\\)");
        assertThat(lines[1]).startsWith("Java " + System.getProperty("java.version"));
    }

    @Test
    void givenAResourceLeftUnfiltered_whenVersionRead_thenCommitSaysUnknown() {
        Properties p = props("0.1.0", "${buildNumber}");
        assertThat(VersionProvider.version(p)).isEqualTo("0.1.0");
        assertThat(VersionProvider.commit(p)).isEqualTo("unknown");
    }

    @Test
    void givenACommit_whenVersionRead_thenItIsShownAsBuilt() {
        assertThat(VersionProvider.commit(props("0.1.0", "0123456789"))).isEqualTo("0123456789");
    }

    @Test
    void givenNoResource_whenVersionRead_thenUnknown() {
        assertThat(VersionProvider.version(new Properties())).isEqualTo("unknown");
    }
}
