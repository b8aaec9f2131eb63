package io.blueflash.flash.stm32f1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.chip.ChipIdentifier;
import io.blueflash.contract.TestImages;
import io.blueflash.flash.DriverChoice;
import io.blueflash.flash.FlashOperationException;
import io.blueflash.flash.FlashProtectedException;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.PollBudget;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.progress.ProgressListener;
import io.blueflash.sim.adapter.SimulatedProbeConnector;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SRAM loader's exits on the simulated STM32F103 (which executes it): a loader that never
 * halts times out, one that faults is caught by vector catch, FPEC error flags become typed errors,
 * and on every one of them the FPEC is locked again, the core left halted and DEMCR restored. Its
 * CRC routine agrees with the host's {@link Stm32Crc32} (the simulator's CRC unit is written apart).
 */
class SramLoaderOnSimulatedChipTest {

    /** {@code b .}: never halts. */
    private static final byte[] SPINS = {(byte) 0xFE, (byte) 0xE7};
    /**
     * {@code ldr.w sp, [pc, #4]; udf #0; .word 0x20004000} (SP first, as the real routines set it):
     * UsageFault 4 bytes after the entry, escalated to HardFault.
     */
    private static final byte[] FAULTS = {(byte) 0xDF, (byte) 0xF8, 0x04, (byte) 0xD0, 0x00, (byte) 0xDE, 0x00, 0x00,
            0x00, 0x40, 0x00, 0x20};

    private final TargetConnection connection = new SimulatedProbeConnector()
            .connect(ProbeSelector.parse("sim:stm32f103c8"), ConnectOptions.defaults());
    private final MemoryAccess memory = connection.memoryAccess().orElseThrow();
    private final CoreControl core = connection.coreControl().orElseThrow();
    private final FlashGeometry geometry = new ChipIdentifier().identify(memory, OptionalInt.empty()).flash();
    /** DEMCR as the session's reset-halt leaves it once settled (VC_CORERESET off). */
    private final int demcrBefore = settledDemcr();

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void givenLoaderThatNeverHalts_whenProgramming_thenTimeoutAndCoreHaltedFpecLockedDemcrRestored() {
        SramLoaderAlgorithm loader = loader(image(SPINS));
        geometryPageErased(0);

        assertThatThrownBy(() -> loader.programPage(geometry.baseAddress(), TestImages.randomBytes(1024, 1)))
                .isInstanceOfSatisfying(FlashOperationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FlashOperationException.Reason.LOADER_TIMEOUT))
                .hasMessageContaining("no progress");
        assertLeftSafe();
    }

    @Test
    void givenLoaderThatNeverHalts_whenChecksumsAsked_thenTimeout() {
        SramLoaderAlgorithm loader = loader(image(SPINS));

        assertThatThrownBy(() -> loader.onTarget(List.of(geometry.baseAddress())))
                .isInstanceOfSatisfying(FlashOperationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FlashOperationException.Reason.LOADER_TIMEOUT))
                .hasMessageStartingWith("CRC of 1 page(s) from 0x08000000: the flash loader in SRAM made no progress")
                .hasMessageContaining("program through the registers instead of the loader");
        assertLeftSafe();
    }

    @Test
    void givenCrcRoutineThatFaults_whenChecksumsAsked_thenFaultReportedWithFaultRegisters() {
        SramLoaderAlgorithm loader = loader(image(FAULTS));

        assertThatThrownBy(() -> loader.onTarget(List.of(geometry.baseAddress())))
                .isInstanceOfSatisfying(FlashOperationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FlashOperationException.Reason.LOADER_FAULT))
                .hasMessageStartingWith("CRC of 1 page(s) from 0x08000000: the flash loader in SRAM took a fault")
                .hasMessageContaining("CFSR=")
                .hasMessageContaining(String.format("at 0x%08X", 0x2000_0000 + SramLoaderImage.CRC_ENTRY + 4));
        assertLeftSafe();
    }

    @Test
    void givenLoaderThatFaults_whenProgramming_thenFaultReportedWithFaultRegisters() {
        SramLoaderAlgorithm loader = loader(image(FAULTS));
        geometryPageErased(0);

        assertThatThrownBy(() -> loader.programPage(geometry.baseAddress(), TestImages.randomBytes(1024, 2)))
                .isInstanceOfSatisfying(FlashOperationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FlashOperationException.Reason.LOADER_FAULT))
                .hasMessageContaining("CFSR=")
                .hasMessageContaining(String.format("at 0x%08X", 0x2000_0000 + SramLoaderImage.PROGRAM_ENTRY + 4));
        assertLeftSafe();
    }

    @Test
    void givenProgrammedPage_whenProgrammedAgainWithoutErase_thenPgerrAsLoaderFlashError() {
        SramLoaderAlgorithm loader = loader(SramLoaderImage.bytes());
        geometryPageErased(1);
        long page = geometry.pageAddress(1);
        loader.programPage(page, TestImages.randomBytes(1024, 3));

        assertThatThrownBy(() -> loader.programPage(page, TestImages.randomBytes(1024, 4)))
                .isInstanceOfSatisfying(FlashOperationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FlashOperationException.Reason.LOADER_FLASH_ERROR))
                .hasMessageContaining("PGERR").hasMessageContaining("RM0008 §3.3.3");
        assertLeftSafe();
    }

    @Test
    void givenWriteProtectedPage_whenLoaderProgramsIt_thenWriteProtectedError() {
        Stm32F1Protection protection = new FpecProtection(memory, geometry,
                new DriverChoice(ProgramPacing.AUTO, false, ProgressListener.NONE));
        protection.writeProtect(List.of(0));
        core.resetAndHalt();                                   // WRPR is loaded at reset
        SramLoaderAlgorithm loader = loader(SramLoaderImage.bytes());

        assertThatThrownBy(() -> loader.programPage(geometry.baseAddress(), TestImages.randomBytes(64, 5)))
                .isInstanceOfSatisfying(FlashProtectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(FlashProtectedException.Kind.WRITE_PROTECTED));
        assertLeftSafe();
    }

    @Test
    void givenPages_whenCrcComputedOnTheCore_thenEqualsHostCrcOfTheirBytes() {
        SramLoaderAlgorithm loader = loader(SramLoaderImage.bytes());
        byte[] data = TestImages.randomBytes(3 * 1024, 6);
        for (int i = 0; i < 3; i++) {
            geometryPageErased(4 + i);
            loader.programPage(geometry.pageAddress(4 + i), Arrays.copyOfRange(data, i * 1024, (i + 1) * 1024));
        }
        List<Long> pages = List.of(geometry.pageAddress(4), geometry.pageAddress(5), geometry.pageAddress(6),
                geometry.pageAddress(40));

        List<Integer> crcs = loader.onTarget(pages);

        byte[] erased = new byte[1024];
        Arrays.fill(erased, (byte) 0xFF);
        assertThat(crcs).containsExactly(Stm32Crc32.of(Arrays.copyOfRange(data, 0, 1024)),
                Stm32Crc32.of(Arrays.copyOfRange(data, 1024, 2048)), Stm32Crc32.of(Arrays.copyOfRange(data, 2048, 3072)),
                Stm32Crc32.of(erased));
        assertThat(core.isHalted()).isTrue();
    }

    @Test
    void givenPagesInMoreRunsThanTheCrcControlBlockHolds_whenCrcComputed_thenEveryPageHasTheHostsCrc() {
        SramLoaderAlgorithm loader = loader(SramLoaderImage.bytes());
        byte[] data = TestImages.randomBytes(1024, 9);
        geometryPageErased(10);
        loader.programPage(geometry.pageAddress(10), data);
        List<Long> pages = new java.util.ArrayList<>();
        for (int page = 0; page < 2 * (SramLoaderImage.CRC_RUNS + 3); page += 2) {   // 11 runs of one page
            pages.add(geometry.pageAddress(page));
        }
        List<Integer> expected = pages.stream().map(address -> Stm32Crc32.of(
                memory.readBlock(address.intValue(), geometry.pageSize()))).toList();

        assertThat(loader.onTarget(pages)).containsExactlyElementsOf(expected);
        assertThat(expected).contains(Stm32Crc32.of(data));
    }

    @Test
    void givenExpectedCrcs_whenOneDiffersFromTheFlash_thenTheDigestDiffersAndTheCoresCrcsAreReturned() {
        SramLoaderAlgorithm loader = loader(SramLoaderImage.bytes());
        List<Long> pages = List.of(geometry.pageAddress(20), geometry.pageAddress(21), geometry.pageAddress(22));
        byte[] erased = new byte[1024];
        Arrays.fill(erased, (byte) 0xFF);
        int erasedCrc = Stm32Crc32.of(erased);
        pages.forEach(address -> geometryPageErased(geometry.pageIndexOf(address)));

        List<Integer> matching = loader.onTarget(pages, List.of(erasedCrc, erasedCrc, erasedCrc));
        List<Integer> oneWrong = loader.onTarget(pages, List.of(erasedCrc, erasedCrc ^ 1, erasedCrc));

        assertThat(matching).containsExactly(erasedCrc, erasedCrc, erasedCrc);
        assertThat(oneWrong).as("the page the caller got wrong shows the flash's CRC")
                .containsExactly(erasedCrc, erasedCrc, erasedCrc);
    }

    @Test
    void givenCoreOnHsiAfterReset_whenCrcRunsFromThePll_thenClockTreeAndWaitStatesPutBack() {
        SramLoaderAlgorithm loader = loader(SramLoaderImage.bytes());
        int rccCr = memory.read32(0x4002_1000);
        int rccCfgr = memory.read32(0x4002_1004);
        int flashAcr = memory.read32(0x4002_2000);

        loader.onTarget(List.of(geometry.pageAddress(0)));

        assertThat(memory.read32(0x4002_1000) & (1 << 24)).as("RCC_CR.PLLON").isZero();
        assertThat(memory.read32(0x4002_1000)).as("RCC_CR").isEqualTo(rccCr);
        assertThat(memory.read32(0x4002_1004)).as("RCC_CFGR: SYSCLK on HSI, PLL fields and APB1 as found").isEqualTo(rccCfgr);
        assertThat(memory.read32(0x4002_2000)).as("FLASH_ACR").isEqualTo(flashAcr);
    }

    @Test
    void givenApm32NotKnownAsClone_whenLoaderWritesBackToBack_thenDroppedHalfWordsWrittenAgainAndNoteSaysPaced() {
        TargetConnection apm32 = new SimulatedProbeConnector()
                .connect(ProbeSelector.parse("sim:apm32f103c8"), ConnectOptions.defaults());
        try {
            MemoryAccess apmMemory = apm32.memoryAccess().orElseThrow();
            List<String> notes = new java.util.ArrayList<>();
            byte[] words = SramLoaderImage.bytes();
            SramLoaderAlgorithm loader = new SramLoaderAlgorithm(apmMemory, apm32.coreControl().orElseThrow(), geometry,
                    SramWorkArea.fit(20 * 1024, words.length).orElseThrow(),
                    new FpecFlashAlgorithm(apmMemory, geometry, ProgramPacing.POLL_EACH),
                    new DriverChoice(ProgramPacing.AUTO, false, event -> {
                        if (event instanceof io.blueflash.progress.ProgressEvent.Note note) {
                            notes.add(note.text());
                        }
                    }), words, PollBudget.attempts(4000));
            byte[] data = TestImages.randomBytes(3 * 1024, 7);
            List<io.blueflash.flash.PagePlan> pages = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                new FpecFlashAlgorithm(apmMemory, geometry, ProgramPacing.POLL_EACH).erasePage(geometry.pageAddress(8 + i));
                pages.add(io.blueflash.flash.PagePlan.programOnly(geometry.pageAddress(8 + i),
                        Arrays.copyOfRange(data, i * 1024, (i + 1) * 1024)));
            }

            loader.programPages(pages, page -> { });

            assertThat(apmMemory.readBlock((int) geometry.pageAddress(8), data.length)).isEqualTo(data);
            assertThat(notes).anyMatch(n -> n.contains("dropped") && n.contains("waits for BSY"));
        } finally {
            apm32.close();
        }
    }

    /** A loader image of the real layout whose two routines are {@code routine}. */
    private static byte[] image(byte[] routine) {
        byte[] image = new byte[SramLoaderImage.bytes().length];
        System.arraycopy(routine, 0, image, SramLoaderImage.CRC_ENTRY, routine.length);
        System.arraycopy(routine, 0, image, SramLoaderImage.PROGRAM_ENTRY, routine.length);
        return image;
    }

    private SramLoaderAlgorithm loader(byte[] code) {
        byte[] words = Arrays.copyOf(code, (code.length + 3) & ~3);
        return new SramLoaderAlgorithm(memory, core, geometry, SramWorkArea.fit(20 * 1024, words.length).orElseThrow(),
                new FpecFlashAlgorithm(memory, geometry, ProgramPacing.PAGE_BLOCK),
                new DriverChoice(ProgramPacing.AUTO, false, ProgressListener.NONE), words, PollBudget.attempts(400));
    }

    private void geometryPageErased(int page) {
        new FpecFlashAlgorithm(memory, geometry, ProgramPacing.PAGE_BLOCK).erasePage(geometry.pageAddress(page));
    }

    private int settledDemcr() {
        ((io.blueflash.debug.cortexm.CortexMCoreControl) core).settle();
        return memory.read32(LoaderRun.DEMCR);
    }

    private void assertLeftSafe() {
        assertThat(core.isHalted()).as("core halted").isTrue();
        assertThat(memory.read32(FpecRegisters.FPEC_BASE + FpecRegisters.CR) & FpecRegisters.CR_LOCK)
                .as("FLASH_CR.LOCK").isEqualTo(FpecRegisters.CR_LOCK);
        assertThat(memory.read32(LoaderRun.DEMCR)).as("DEMCR").isEqualTo(demcrBefore);
    }
}
