package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.cli.ErrorReport;
import io.blueflash.cli.console.ExitCode;
import io.blueflash.port.out.ReadProtectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code option-bytes --protect / --unprotect / --write-protect / --write-unprotect} on the
 * simulated Blue Pill kept in a state file: every run is a new power-on, so the option bytes
 * written by one run are in force in the next (facts §A.3, §B.6, §B.7).
 */
class OptionBytesChangeEndToEndTest {

    @TempDir
    Path dir;

    private Path home;
    private Path state;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        state = dir.resolve("chip.state");
        Files.write(dir.resolve("fw.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    }

    private CliRun sim(String args) {
        return CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " " + args.replace("FILE:", dir + "/"));
    }

    @Test
    void givenFirmware_whenProtectedThenUnprotected_thenReadsFailWithExit5UntilUnprotectErasedTheFlash()
            throws IOException {
        assertThat(sim("write FILE:fw.bin 0x08000000").exitCode).isZero();

        CliRun unconfirmed = sim("option-bytes --protect");
        assertThat(unconfirmed.exitCode).as(unconfirmed.toString()).isEqualTo(1);
        assertThat(unconfirmed.err).contains("--yes-lock-chip");

        CliRun lock = sim("--json option-bytes --protect --yes-lock-chip");
        assertThat(lock.exitCode).as(lock.toString()).isZero();
        assertThat(lock.out).contains("\"change\":\"protect\"").contains("\"changed\":true")
                .contains("\"resetRequired\":true").contains("\"readProtected\":true");

        CliRun locked = sim("read FILE:out.bin 0x08000000 8");
        assertThat(locked.exitCode).as(locked.toString()).isEqualTo(5);
        assertThat(locked.err).contains("blueflash option-bytes --unprotect --yes-erase-all-flash");

        CliRun refused = sim("option-bytes --unprotect");
        assertThat(refused.exitCode).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err).contains("--yes-erase-all-flash");

        CliRun unlock = sim("--json option-bytes --unprotect --yes-erase-all-flash");
        assertThat(unlock.exitCode).as(unlock.toString()).isZero();
        assertThat(unlock.out).contains("\"flashErased\":true").contains("\"rdp\":\"0xA5\"");

        CliRun read = sim("read FILE:out.bin 0x08000000 8");
        assertThat(read.exitCode).as(read.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("out.bin"))).containsOnly((byte) 0xFF);
    }

    @Test
    void givenWriteProtectedFirstBlock_whenWriting_thenExit5_andWriteUnprotectLetsTheWriteThrough() {
        CliRun protect = sim("option-bytes --write-protect 0-3");
        assertThat(protect.exitCode).as(protect.toString()).isZero();
        assertThat(protect.out).contains("WRP blocks (4 KB each): [0]").contains("after a reset or power cycle");

        CliRun blocked = sim("write FILE:fw.bin 0x08000000");
        assertThat(blocked.exitCode).as(blocked.toString()).isEqualTo(5);
        assertThat(blocked.err).contains("option-bytes --write-unprotect");
        assertThat(sim("write FILE:fw.bin 0x08001000").exitCode).isZero(); // block 1 is free

        CliRun unprotect = sim("--json option-bytes --write-unprotect");
        assertThat(unprotect.exitCode).as(unprotect.toString()).isZero();
        assertThat(unprotect.out).contains("\"wrp\":\"0xFFFFFFFF\"").contains("\"flashErased\":false");
        CliRun write = sim("write FILE:fw.bin 0x08000000");
        assertThat(write.exitCode).as(write.toString()).isZero();
    }

    @Test
    void givenTwoChangesOrBadPages_whenParsed_thenUsageErrorAndNothingWritten() {
        CliRun two = sim("option-bytes --protect --yes-lock-chip --write-unprotect");
        assertThat(two.exitCode).as(two.toString()).isEqualTo(1);
        CliRun bad = sim("option-bytes --write-protect 3-1");
        assertThat(bad.exitCode).as(bad.toString()).isEqualTo(1);
        assertThat(bad.err).contains("0-3,8");
        assertThat(sim("option-bytes").out).contains("RDP:   0xA5  unprotected").contains("no page write-protected");
    }

    @Test
    void givenReadProtectedMarkerFromAnyTransport_whenReported_thenExit5WithUnlockRecipe() {
        ErrorReport report = ErrorReport.of(new ReadProtectedException(0x0800_0000, "READ MEMORY refused"));

        assertThat(report.exitCode()).isEqualTo(ExitCode.PROTECTED);
        assertThat(report.hints()).anyMatch(h -> h.contains("blueflash option-bytes --unprotect --yes-erase-all-flash"))
                .anyMatch(h -> h.contains("MASS-ERASES"));
    }
}
