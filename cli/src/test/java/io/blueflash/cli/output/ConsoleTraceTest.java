package io.blueflash.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.trace.TraceOperation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleTraceTest {

    @Test
    void givenSimulatedTime_whenFormatted_thenMicrosecondsLayerAndText() {
        assertThat(ConsoleTrace.line("swd", 12_375, "READ DP DPIDR -> 0x1BA01477"))
                .isEqualTo("[    12.375 us] swd   READ DP DPIDR -> 0x1BA01477");
    }

    @Test
    void givenRealHardware_whenFormatted_thenTimeColumnBlank() {
        assertThat(ConsoleTrace.line("usb", -1, "GET_VERSION")).isEqualTo("               usb   GET_VERSION");
    }

    @Test
    void givenOperations_whenFullLevel_thenEachHeadsItsLinesWithItsManualSection() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleTrace trace = new ConsoleTrace(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        trace.trace("core", 0, "reset");
        trace.operation(new TraceOperation.UnlockFlash(1));
        trace.trace("swd", 1_000, "AP write DRW <- 0x45670123");
        trace.trace("bus", 1_000, "dbg FLASH_KEYR <- 0x45670123");
        trace.finish();

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "[     0.000 us] core  reset",
                "[     0.000 us] == unlock the FPEC: wait for FLASH_SR.BSY = 0; if FLASH_CR.LOCK, FLASH_KEYR <- "
                        + "0x45670123, 0xCDEF89AB; clear stale flags in FLASH_SR [PM0075 §2.3.1 Unlocking the Flash memory]",
                "[     1.000 us]    swd   AP write DRW <- 0x45670123",
                "[     1.000 us]    bus   dbg FLASH_KEYR <- 0x45670123");
    }

    @Test
    void givenOperations_whenOpsLevel_thenOnlyOperationsWithTheirWireTransactionsAndTime() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleTrace trace = new ConsoleTrace(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

        trace.operation(new TraceOperation.ErasePage(3, 0x0800_0C00L, 1));
        trace.trace("swd", 2_000, "AP write TAR <- 0x40022014");
        trace.trace("bus", 2_000, "dbg FLASH_AR <- 0x08000C00");
        trace.trace("swd", 22_002_000, "AP read DRW -> 0x00000020");
        trace.operation(new TraceOperation.LockFlash(2));
        trace.trace("swd", 22_014_000, "AP write DRW <- 0x00000080");
        trace.finish();

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "[     2.000 us] == erase page 3 (0x08000C00): FLASH_AR <- 0x08000C00, FLASH_CR <- PER|STRT, wait for "
                        + "BSY = 0, then EOP [PM0075 §2.3.3 Flash memory erase] (2 swd transactions, 22.000 ms)",
                "[ 22002.000 us] == relock the FPEC bank 2: FLASH_CR2 <- LOCK [PM0075 §2.3.1 Unlocking the Flash memory] "
                        + "(1 swd transaction, 12.000 us)");
    }
}
