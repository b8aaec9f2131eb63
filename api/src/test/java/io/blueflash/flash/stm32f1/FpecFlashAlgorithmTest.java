package io.blueflash.flash.stm32f1;

import static io.blueflash.flash.stm32f1.FpecRegisters.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.contract.RecordingMemoryAccess;
import io.blueflash.flash.FlashOperationException;
import io.blueflash.flash.FlashProtectedException;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.PollBudget;
import io.blueflash.model.ProgramPacing;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Register sequences of the FPEC algorithm (facts §B.3–§B.5) against a scripted bus. */
class FpecFlashAlgorithmTest {

    private static final FlashGeometry MD_128K = FlashGeometry.stm32f1(0x0800_0000L, 1024, 128 * 1024);
    private static final FlashGeometry XL_1M = FlashGeometry.stm32f1(0x0800_0000L, 2048, 1024 * 1024);
    private static final String[] UNLOCK = {
            "R32 FLASH_SR", "R32 FLASH_CR", "W32 FLASH_KEYR 0x45670123", "W32 FLASH_KEYR 0xCDEF89AB",
            "R32 FLASH_CR", "W32 FLASH_SR 0x00000034"};

    private final RecordingMemoryAccess bus = fpecBus();

    @Test
    void givenLockedFpec_whenErasePage_thenKeysPerArStrtPollClearAndRelock() {
        bus.answer(FPEC_BASE + CR, CR_LOCK, 0).answer(FPEC_BASE + SR, 0, SR_BSY, SR_BSY, SR_EOP);

        algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).erasePage(0x0800_0400L);

        assertThat(bus.log()).containsExactly(concat(UNLOCK,
                "W32 FLASH_CR 0x00000002", "W32 FLASH_SR 0x00000034", "W32 FLASH_AR 0x08000400",
                "W32 FLASH_CR 0x00000042",
                "R32 FLASH_SR", "R32 FLASH_SR", "R32 FLASH_SR",
                "W32 FLASH_CR 0x00000000", "W32 FLASH_CR 0x00000080"));
    }

    @Test
    void givenUnlockedFpec_whenMassErase_thenNoKeysWrittenAndMerStrt() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_BSY, SR_EOP);

        algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).massErase();

        assertThat(bus.log()).containsExactly("R32 FLASH_SR", "R32 FLASH_CR", "W32 FLASH_SR 0x00000034",
                "W32 FLASH_CR 0x00000004", "W32 FLASH_CR 0x00000044", "R32 FLASH_SR", "R32 FLASH_SR",
                "W32 FLASH_CR 0x00000000", "W32 FLASH_CR 0x00000080");
    }

    @Test
    void givenPageWithErasedHole_whenProgramPageBlock_thenOneHalfWordBlockPerRunAndOneBsyPollEach() {
        bus.answer(FPEC_BASE + CR, CR_LOCK, 0).answer(FPEC_BASE + SR, 0, SR_EOP);
        byte[] page = new byte[16];
        Arrays.fill(page, 4, 12, (byte) 0xFF);

        algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).programPage(0x0800_0000L, page);

        assertThat(bus.log()).containsExactly(concat(UNLOCK, "W32 FLASH_CR 0x00000001",
                "BLOCK16 0x08000000 4", "R32 FLASH_SR", "BLOCK16 0x0800000C 4", "R32 FLASH_SR",
                "W32 FLASH_CR 0x00000000", "W32 FLASH_CR 0x00000080"));
    }

    @Test
    void givenCloneThatDropsWritesWhileBusy_whenProgramPollEach_thenBsyPolledAfterEveryHalfWord() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_BSY, SR_EOP, SR_BSY, SR_EOP);

        algorithm(MD_128K, ProgramPacing.POLL_EACH).programPage(0x0800_0010L, new byte[] {0x34, 0x12, 0x78, 0x56});

        assertThat(bus.log()).containsExactly("R32 FLASH_SR", "R32 FLASH_CR", "W32 FLASH_SR 0x00000034",
                "W32 FLASH_CR 0x00000001",
                "W16 0x08000010 0x1234", "R32 FLASH_SR", "R32 FLASH_SR",
                "W16 0x08000012 0x5678", "R32 FLASH_SR", "R32 FLASH_SR",
                "W32 FLASH_CR 0x00000000", "W32 FLASH_CR 0x00000080");
    }

    @Test
    void givenWriteProtectedPage_whenErasePage_thenTypedWriteProtectedErrorNamesPageAndRelocked() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_WRPRTERR);

        assertThatThrownBy(() -> algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).erasePage(0x0800_0C00L))
                .isInstanceOf(FlashProtectedException.class)
                .hasMessageContaining("page 3 at 0x08000C00")
                .hasMessageNotContaining("--")
                .satisfies(e -> assertThat(((FlashProtectedException) e).kind())
                        .isEqualTo(FlashProtectedException.Kind.WRITE_PROTECTED));
        assertThat(bus.log()).last().isEqualTo("W32 FLASH_CR 0x00000080");
    }

    @Test
    void givenNotErasedFlash_whenProgram_thenPgerrErrorNamesRangeAndRelocked() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_PGERR);

        assertThatThrownBy(() -> algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).programPage(0x0800_0000L, new byte[4]))
                .isInstanceOf(FlashOperationException.class)
                .hasMessageContaining("PGERR").hasMessageContaining("[0x08000000, 0x08000004)");
        assertThat(bus.log()).last().isEqualTo("W32 FLASH_CR 0x00000080");
    }

    @Test
    void givenFpecLockedUntilReset_whenKeyWriteFaults_thenErrorSaysResetAndRelockAttempted() {
        bus.answer(FPEC_BASE + CR, CR_LOCK).failOn(FPEC_BASE + KEYR);

        assertThatThrownBy(() -> algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).erasePage(0x0800_0000L))
                .isInstanceOf(FlashOperationException.class)
                .hasMessageContaining("locked").hasMessageContaining("Reset the target");
        assertThat(bus.log()).last().isEqualTo("W32 FLASH_CR 0x00000080");
    }

    @Test
    void givenCrStillLockedAfterKeys_whenErase_thenLockedUntilResetAndNothingStarted() {
        bus.answer(FPEC_BASE + CR, CR_LOCK);

        assertThatThrownBy(() -> algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).erasePage(0x0800_0000L))
                .isInstanceOf(FlashOperationException.class).hasMessageContaining("stays locked");
        assertThat(bus.log()).noneMatch(l -> l.startsWith("W32 FLASH_CR 0x0000004"));
    }

    @Test
    void givenBsyNeverClears_whenErase_thenTimeoutMessageAndRelockAttempted() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_BSY);

        assertThatThrownBy(() -> algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).erasePage(0x0800_0000L))
                .isInstanceOf(FlashOperationException.class)
                .hasMessageContaining("BSY still set after 3 polls");
        assertThat(bus.log()).last().isEqualTo("W32 FLASH_CR 0x00000080");
    }

    @Test
    void givenBusFaultDuringBlockWrite_whenProgram_thenFaultPropagatesAndFpecRelocked() {
        bus.answer(FPEC_BASE + CR, 0).failOn(0x0800_0002);

        assertThatThrownBy(() -> algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).programPage(0x0800_0000L, new byte[8]))
                .isInstanceOf(io.blueflash.port.out.MemoryFaultException.class);
        assertThat(bus.log()).last().isEqualTo("W32 FLASH_CR 0x00000080");
    }

    @Test
    void givenXlBank2Address_whenProgram_thenBank2RegistersAtPlus0x40() {
        bus.answer(FPEC_BASE + BANK2_OFFSET + CR, 0);

        algorithm(XL_1M, ProgramPacing.PAGE_BLOCK).programPage(0x0808_0000L, new byte[] {1, 2});

        assertThat(bus.log()).containsExactly("R32 FLASH_SR2", "R32 FLASH_CR2", "W32 FLASH_SR2 0x00000034",
                "W32 FLASH_CR2 0x00000001", "BLOCK16 0x08080000 2", "R32 FLASH_SR2",
                "W32 FLASH_CR2 0x00000000", "W32 FLASH_CR2 0x00000080");
    }

    @Test
    void givenXlDensity_whenMassErase_thenBothBanksErased() {
        bus.answer(FPEC_BASE + SR, SR_EOP).answer(FPEC_BASE + BANK2_OFFSET + SR, SR_EOP);
        algorithm(XL_1M, ProgramPacing.PAGE_BLOCK).massErase();

        assertThat(bus.log()).contains("W32 FLASH_CR 0x00000044", "W32 FLASH_CR2 0x00000044");
    }

    @Test
    void givenEraseIgnoredByFpec_whenNoEopAfterBusy_thenErrorInsteadOfSilentSuccess() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0);

        assertThatThrownBy(() -> algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).erasePage(0x0800_0000L))
                .isInstanceOf(FlashOperationException.class).hasMessageContaining("did not complete");
        assertThat(bus.log()).last().isEqualTo("W32 FLASH_CR 0x00000080");
    }

    @Test
    void givenEopLandingJustAfterBsyDrops_whenErase_thenOneMoreSrReadAndSuccess() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_BSY, 0, SR_EOP);

        algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).erasePage(0x0800_0000L);

        assertThat(bus.log().stream().filter("R32 FLASH_SR"::equals)).hasSize(4);
    }

    @Test
    void givenTwoPages_whenProgramPages_thenOneUnlockOnePgAndOneRelockForTheBatch() {
        bus.answer(FPEC_BASE + CR, CR_LOCK, 0);
        io.blueflash.flash.PagePlan first = new io.blueflash.flash.PagePlan(0, 0x0800_0000L,
                io.blueflash.flash.PageAction.PROGRAM_ONLY, new byte[4]);
        io.blueflash.flash.PagePlan second = new io.blueflash.flash.PagePlan(1, 0x0800_0400L,
                io.blueflash.flash.PageAction.PROGRAM_ONLY, new byte[4]);
        java.util.List<Long> done = new java.util.ArrayList<>();

        algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).programPages(java.util.List.of(first, second), p -> done.add(p.address()));

        assertThat(bus.log()).containsExactly(concat(UNLOCK, "W32 FLASH_CR 0x00000001",
                "BLOCK16 0x08000000 4", "R32 FLASH_SR", "BLOCK16 0x08000400 4", "R32 FLASH_SR",
                "W32 FLASH_CR 0x00000000", "W32 FLASH_CR 0x00000080"));
        assertThat(done).containsExactly(0x0800_0000L, 0x0800_0400L);
    }

    @Test
    void givenThreeContiguousPages_whenProgramPageBlock_thenOneBlockWriteOneBsyPollAndPagesReportedAfterTheCheck() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_EOP);
        java.util.List<String> done = new java.util.ArrayList<>();

        algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).programPages(
                java.util.List.of(fullPage(0), fullPage(1), fullPage(2)),
                p -> done.add(p.index() + "@" + bus.log().size()));

        assertThat(bus.log()).containsExactly("R32 FLASH_SR", "R32 FLASH_CR", "W32 FLASH_SR 0x00000034",
                "W32 FLASH_CR 0x00000001", "BLOCK16 0x08000000 3072", "R32 FLASH_SR",
                "W32 FLASH_CR 0x00000000", "W32 FLASH_CR 0x00000080");
        assertThat(done).containsExactly("0@6", "1@6", "2@6");
    }

    @Test
    void givenPagesWithAGap_whenProgramPageBlock_thenTwoRunsEachWrittenAndChecked() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_EOP);
        java.util.List<Integer> done = new java.util.ArrayList<>();

        algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).programPages(
                java.util.List.of(fullPage(0), fullPage(1), fullPage(3)), p -> done.add(p.index()));

        assertThat(bus.log()).containsExactly("R32 FLASH_SR", "R32 FLASH_CR", "W32 FLASH_SR 0x00000034",
                "W32 FLASH_CR 0x00000001", "BLOCK16 0x08000000 2048", "R32 FLASH_SR",
                "BLOCK16 0x08000C00 1024", "R32 FLASH_SR",
                "W32 FLASH_CR 0x00000000", "W32 FLASH_CR 0x00000080");
        assertThat(done).containsExactly(0, 1, 3);
    }

    @Test
    void givenErasedHalfWordAtPageBoundary_whenProgramPageBlock_thenRunsNotJoinedAndErasedHalfWordNotWritten() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_EOP);
        byte[] endsErased = new byte[1024];
        endsErased[1022] = (byte) 0xFF;
        endsErased[1023] = (byte) 0xFF;
        io.blueflash.flash.PagePlan first = new io.blueflash.flash.PagePlan(0, 0x0800_0000L,
                io.blueflash.flash.PageAction.PROGRAM_ONLY, endsErased);
        io.blueflash.flash.PagePlan allErased = new io.blueflash.flash.PagePlan(2, 0x0800_0800L,
                io.blueflash.flash.PageAction.PROGRAM_ONLY, filled(1024, (byte) 0xFF));
        java.util.List<Integer> done = new java.util.ArrayList<>();

        algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).programPages(
                java.util.List.of(first, fullPage(1), allErased, fullPage(3)), p -> done.add(p.index()));

        assertThat(bus.log()).filteredOn(l -> l.startsWith("BLOCK16"))
                .containsExactly("BLOCK16 0x08000000 1022", "BLOCK16 0x08000400 1024", "BLOCK16 0x08000C00 1024");
        assertThat(done).containsExactly(0, 1, 2, 3);
    }

    @Test
    void givenMoreContiguousPagesThanOneTransfer_whenProgramPageBlock_thenRunsCappedAtMaxRunBytes() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_EOP);
        java.util.List<io.blueflash.flash.PagePlan> pages = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            pages.add(fullPage(i));
        }

        algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).programPages(pages, p -> { });

        assertThat(bus.log()).filteredOn(l -> l.startsWith("BLOCK16") || l.equals("R32 FLASH_SR")).containsExactly(
                "R32 FLASH_SR", "BLOCK16 0x08000000 " + FpecFlashAlgorithm.MAX_RUN_BYTES, "R32 FLASH_SR",
                "BLOCK16 0x08001800 1024", "R32 FLASH_SR");
    }

    @Test
    void givenWriteProtectedPageInsideARun_whenProgramPageBlock_thenErrorNamesPageRangeAndRelocked() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_WRPRTERR);
        java.util.List<Integer> done = new java.util.ArrayList<>();

        assertThatThrownBy(() -> algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).programPages(
                java.util.List.of(fullPage(4), fullPage(5), fullPage(6)), p -> done.add(p.index())))
                .isInstanceOf(FlashProtectedException.class)
                .hasMessageContaining("[0x08001000, 0x08001C00) in pages 4 to 6")
                .hasMessageContaining("pages 4 to 6 at [0x08001000, 0x08001C00) are write-protected")
                .hasMessageNotContaining("option-bytes");
        assertThat(done).isEmpty();
        assertThat(bus.log()).last().isEqualTo("W32 FLASH_CR 0x00000080");
    }

    @Test
    void givenNotErasedFlashInsideARun_whenProgramPageBlock_thenPgerrNamesRangeAndPages() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_PGERR);

        assertThatThrownBy(() -> algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).programPages(
                java.util.List.of(fullPage(0), fullPage(1)), p -> { }))
                .isInstanceOf(FlashOperationException.class)
                .hasMessageContaining("[0x08000000, 0x08000800) in pages 0 to 1 failed with PGERR")
                .hasMessageContaining("not erased before programming");
        assertThat(bus.log()).last().isEqualTo("W32 FLASH_CR 0x00000080");
    }

    @Test
    void givenContiguousPages_whenProgramPollEach_thenStillOneHalfWordAndOnePollAtATime() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_EOP);
        io.blueflash.flash.PagePlan first = new io.blueflash.flash.PagePlan(0, 0x0800_03FCL,
                io.blueflash.flash.PageAction.PROGRAM_ONLY, new byte[4]);
        io.blueflash.flash.PagePlan second = new io.blueflash.flash.PagePlan(1, 0x0800_0400L,
                io.blueflash.flash.PageAction.PROGRAM_ONLY, new byte[2]);

        algorithm(MD_128K, ProgramPacing.POLL_EACH).programPages(java.util.List.of(first, second), p -> { });

        assertThat(bus.log()).filteredOn(l -> l.startsWith("W16") || l.startsWith("BLOCK")).containsExactly(
                "W16 0x080003FC 0x0000", "W16 0x080003FE 0x0000", "W16 0x08000400 0x0000");
        assertThat(bus.log().stream().filter("R32 FLASH_SR"::equals)).hasSize(4);
    }

    @Test
    void givenTwoPages_whenErasePages_thenOneUnlockAndEachPageClearedAddressedStartedAndChecked() {
        bus.answer(FPEC_BASE + CR, 0).answer(FPEC_BASE + SR, 0, SR_EOP);

        algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).erasePages(java.util.List.of(0x0800_0000L, 0x0800_0400L), a -> { });

        assertThat(bus.log()).containsExactly("R32 FLASH_SR", "R32 FLASH_CR", "W32 FLASH_SR 0x00000034",
                "W32 FLASH_CR 0x00000002",
                "W32 FLASH_SR 0x00000034", "W32 FLASH_AR 0x08000000", "W32 FLASH_CR 0x00000042", "R32 FLASH_SR",
                "W32 FLASH_SR 0x00000034", "W32 FLASH_AR 0x08000400", "W32 FLASH_CR 0x00000042", "R32 FLASH_SR",
                "W32 FLASH_CR 0x00000000", "W32 FLASH_CR 0x00000080");
    }

    @Test
    void givenOddAddress_whenProgram_thenIllegalArgumentBeforeAnyAccess() {
        assertThatThrownBy(() -> algorithm(MD_128K, ProgramPacing.PAGE_BLOCK).programPage(0x0800_0001L, new byte[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("half-word");
        assertThat(bus.log()).isEmpty();
    }

    private static io.blueflash.flash.PagePlan fullPage(int index) {
        return new io.blueflash.flash.PagePlan(index, MD_128K.pageAddress(index),
                io.blueflash.flash.PageAction.ERASE_AND_PROGRAM, filled(1024, (byte) 0x5A));
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private FpecFlashAlgorithm algorithm(FlashGeometry geometry, ProgramPacing pacing) {
        return new FpecFlashAlgorithm(bus, geometry, pacing, PollBudget.attempts(3), PollBudget.attempts(3));
    }

    private static RecordingMemoryAccess fpecBus() {
        RecordingMemoryAccess bus = new RecordingMemoryAccess();
        for (int bank = 0; bank <= 1; bank++) {
            String suffix = bank == 0 ? "" : "2";
            int base = FPEC_BASE + bank * BANK2_OFFSET;
            bus.name(base + KEYR, "FLASH_KEYR" + suffix).name(base + SR, "FLASH_SR" + suffix)
                    .name(base + CR, "FLASH_CR" + suffix).name(base + AR, "FLASH_AR" + suffix);
        }
        return bus;
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
