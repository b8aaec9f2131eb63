package io.blueflash.cli;

import io.blueflash.cli.console.ExitCode;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.chip.UnknownChipException;
import io.blueflash.flash.FlashOperationException;
import io.blueflash.flash.FlashProtectedException;
import io.blueflash.flash.FlashRangeException;
import io.blueflash.image.ImageFormatException;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.port.out.TargetCommunicationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Each failure class gets its documented exit code and hints the user can act on. */
class ErrorReportTest {

    @Test
    void givenMissingFile_whenReported_thenImageCodeAndPath() {
        ErrorReport r = ErrorReport.of(new UncheckedIOException(new NoSuchFileException("fw.bin")));
        assertThat(r.exitCode()).isEqualTo(ExitCode.IMAGE);
        assertThat(r.message()).isEqualTo("file not found: fw.bin");
    }

    @Test
    void givenUnreadableFile_whenReported_thenPermissionNamed() {
        ErrorReport r = ErrorReport.of(new UncheckedIOException(new AccessDeniedException("fw.bin")));
        assertThat(r.exitCode()).isEqualTo(ExitCode.IMAGE);
        assertThat(r.message()).isEqualTo("file not readable (permission denied): fw.bin");
        assertThat(r.hints()).containsExactly("check the file's permissions");
    }

    @Test
    void givenOtherIoProblem_whenReported_thenImageCode() {
        assertThat(ErrorReport.of(new IOException("disk on fire")).exitCode()).isEqualTo(ExitCode.IMAGE);
    }

    @Test
    void givenBadHex_whenReported_thenImageCodeAndMessageKept() {
        ErrorReport r = ErrorReport.of(new ImageFormatException("fw.hex line 3: checksum 0x00, expected 0x24"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.IMAGE);
        assertThat(r.message()).isEqualTo("fw.hex line 3: checksum 0x00, expected 0x24");
    }

    @Test
    void givenImagePastFlashEnd_whenReported_thenFlashOverrideHinted() {
        ErrorReport r = ErrorReport.of(new FlashRangeException(FlashRangeException.Reason.BEYOND_REPORTED_FLASH,
                "image data at [0x08000000, 0x08010400) runs past the end of the flash [0x08000000, 0x08010000)"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.IMAGE);
        assertThat(r.hints()).anySatisfy(h -> assertThat(h).contains("--flash=128k"));
    }

    @Test
    void givenEraseRangeCuttingAPage_whenReported_thenRoundingFlagNamedAndNoFlashSizeHint() {
        ErrorReport r = ErrorReport.of(new FlashRangeException(FlashRangeException.Reason.PARTIAL_PAGE, "the erase range [0x08000010, 0x08000074) covers only "
                + "part of page(s) 0–0: erasing them would also erase 924 byte(s) outside the range. Give a "
                + "page-aligned range, or allow rounding to whole pages"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.IMAGE);
        assertThat(r.hints()).containsExactly(
                "to erase the whole page(s) anyway (their other bytes are lost), add --allow-page-rounding");
    }

    @Test
    void givenRawBinaryOutsideFlash_whenReported_thenFlashAddressHintedByReasonNotText() {
        ErrorReport r = ErrorReport.of(new FlashRangeException(FlashRangeException.Reason.OUTSIDE_FLASH,
                "the erase range covers only part of the flash")); // words that once chose the rounding hint
        assertThat(r.exitCode()).isEqualTo(ExitCode.IMAGE);
        assertThat(r.hints()).containsExactly("a raw binary needs its flash address: blueflash write FILE 0x08000000");
    }

    @Test
    void givenReadProtection_whenReported_thenProtectedCodeAndUnlockRecipe() {
        ErrorReport r = ErrorReport.of(new FlashProtectedException(FlashProtectedException.Kind.READ_PROTECTED,
                "flash is read-protected"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.PROTECTED);
        assertThat(String.join("\n", r.hints())).contains("stm32f1x unlock 0").contains("MASS-ERASES")
                .contains("stm32flash -k");
    }

    @Test
    void givenWriteProtection_whenReported_thenProtectedCodeAndWrpNamed() {
        ErrorReport r = ErrorReport.of(new FlashProtectedException(FlashProtectedException.Kind.WRITE_PROTECTED,
                "page 3 is write-protected"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.PROTECTED);
        assertThat(r.hints().get(0)).contains("WRP");
    }

    @Test
    void givenProgrammingError_whenReported_thenFlashErrorCode() {
        assertThat(ErrorReport.of(new FlashOperationException("PGERR at 0x08000400")).exitCode())
                .isEqualTo(ExitCode.FLASH_ERROR);
    }

    @Test
    void givenNoProbe_whenReported_thenSimulatorNamed() {
        ErrorReport r = ErrorReport.of(new ProbeNotFoundException("no ST-Link found"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.PROBE_NOT_FOUND);
        assertThat(r.hints()).contains("no board at hand? use the simulated Blue Pill: --probe sim");
    }

    @Test
    void givenSilentTarget_whenReported_thenWiringAndConnectUnderResetHinted() {
        ErrorReport r = ErrorReport.of(new TargetCommunicationException("target not responding"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.TARGET);
        assertThat(String.join("\n", r.hints())).contains("wiring").contains("--connect-under-reset").contains("--freq");
        assertThat(ErrorReport.of(new UnknownChipException(UnknownChipException.Reason.NO_ID_READ,
                "unknown chip id 0x000")).exitCode()).isEqualTo(ExitCode.TARGET);
    }

    @Test
    void givenTargetStuckInReset_whenReported_thenConnectUnderResetComesFirst() {
        ErrorReport r = ErrorReport.of(new TargetCommunicationException(TargetCommunicationException.Reason.STUCK_IN_RESET,
                "the core did not stop at the reset vector"));
        assertThat(r.hints().get(0)).contains("--connect-under-reset");
        assertThat(ErrorReport.of(new TargetCommunicationException(TargetCommunicationException.Reason.LINK_ERRORS,
                "SWD FAULT")).hints().get(0)).contains("--freq");
    }

    @Test
    void givenUnknownSimulatorProfile_whenReported_thenNoSimulatorHint() {
        ErrorReport r = ErrorReport.of(new ProbeNotFoundException(ProbeNotFoundException.Match.UNKNOWN_ARGUMENT,
                "no profile 'x'"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.PROBE_NOT_FOUND);
        assertThat(r.hints()).containsExactly("list what is attached with: blueflash probes");
    }

    @Test
    void givenProbeLinkFailure_whenReported_thenTargetCodeWithoutWiringHints() {
        ErrorReport r = ErrorReport.of(new io.blueflash.port.out.ProbeLinkException(
                "USB: cannot send a command (LIBUSB_ERROR_NO_DEVICE): the ST-Link was unplugged or reset"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.TARGET);
        assertThat(r.message()).contains("unplugged");
        assertThat(r.hints()).as("the SWD wiring is not what failed").isEmpty();
    }

    @Test
    void givenBug_whenReported_thenInternalCodeAsksForReport() {
        ErrorReport r = ErrorReport.of(new NullPointerException("x"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.INTERNAL);
        assertThat(r.exitCode().code()).isEqualTo(70);
    }

    @Test
    void givenBusyProbeOfAnyTransport_whenReported_thenExit8NamingTheHolderWhenKnown() {
        ErrorReport usb = ErrorReport.of(new io.blueflash.port.out.ProbeBusyException(
                "ST-Link 066DFF at bus 1 port 3 is in use by another program", null));
        ErrorReport sim = ErrorReport.of(new io.blueflash.port.out.ProbeBusyException(
                "simulator state file /tmp/s is in use", "pid 4711: blueflash sim serve --state /tmp/s"));

        assertThat(usb.exitCode()).isEqualTo(ExitCode.PROBE_BUSY);
        assertThat(usb.exitCode().code()).isEqualTo(8);
        assertThat(usb.message()).startsWith("probe busy: ST-Link");
        assertThat(sim.hints()).first().asString().isEqualTo("held by pid 4711: blueflash sim serve --state /tmp/s");
    }

    @Test
    void givenStateFileProblems_whenReported_thenExit9WithoutWiringHints() {
        ErrorReport corrupt = ErrorReport.of(new io.blueflash.port.out.ProbeStateException(
                io.blueflash.port.out.ProbeStateException.Kind.UNUSABLE, java.nio.file.Path.of("/tmp/s"), "bad magic", null));
        ErrorReport notSaved = ErrorReport.of(new io.blueflash.port.out.ProbeStateException(
                io.blueflash.port.out.ProbeStateException.Kind.NOT_SAVED, java.nio.file.Path.of("/ro/s"), "NOT saved", null));

        assertThat(corrupt.exitCode().code()).isEqualTo(9);
        assertThat(String.join(" ", corrupt.hints())).contains("--sim-state").doesNotContain("wiring");
        assertThat(notSaved.exitCode().code()).isEqualTo(9);
        assertThat(String.join(" ", notSaved.hints())).contains("/ro").contains("writable");
    }
}
