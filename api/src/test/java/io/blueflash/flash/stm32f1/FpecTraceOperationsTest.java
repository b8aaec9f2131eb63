package io.blueflash.flash.stm32f1;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.contract.FakeStm32F1Target;
import io.blueflash.flash.PageAction;
import io.blueflash.flash.PagePlan;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.ProgramPacing;
import io.blueflash.model.TraceSink;
import io.blueflash.trace.TraceOperation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FpecTraceOperationsTest {

    private static final FlashGeometry GEOMETRY = FlashGeometry.stm32f1(0x0800_0000L, 1024, 64 * 1024);

    private final FakeStm32F1Target target = new FakeStm32F1Target();
    private final List<Object> heard = new ArrayList<>();
    private final TraceSink sink = new TraceSink() {
        @Override
        public void trace(String layer, long simNanos, String text) {
            heard.add(layer);
        }

        @Override
        public void operation(TraceOperation operation) {
            heard.add(operation);
        }
    };

    @Test
    void givenEraseThenBlockProgram_whenTraced_thenUnlockEraseRelockUnlockProgramRelockWithManualSections() {
        FpecFlashAlgorithm fpec = new FpecFlashAlgorithm(target, GEOMETRY, ProgramPacing.PAGE_BLOCK, sink);
        byte[] data = new byte[1024];
        Arrays.fill(data, (byte) 0xFF);
        Arrays.fill(data, 0, 1000, (byte) 0x5A);                         // 500 half-words, the rest stays erased

        fpec.erasePages(List.of(0x0800_0C00L), address -> { });
        fpec.programPages(List.of(new PagePlan(3, 0x0800_0C00L, PageAction.ERASE_AND_PROGRAM, data)), page -> { });

        assertThat(heard).containsExactly(new TraceOperation.UnlockFlash(1),
                new TraceOperation.ErasePage(3, 0x0800_0C00L, 1), new TraceOperation.LockFlash(1),
                new TraceOperation.UnlockFlash(1),
                new TraceOperation.Program(0x0800_0C00L, 500, 3, 3, TraceOperation.Via.FPEC_BLOCK),
                new TraceOperation.LockFlash(1));
        assertThat(new TraceOperation.ErasePage(3, 0x0800_0C00L, 1).text()).startsWith("erase page 3 (0x08000C00)");
        assertThat(new TraceOperation.Program(0x0800_0C00L, 512, 3, 3, TraceOperation.Via.FPEC_BLOCK).text())
                .startsWith("program 512 half-words at 0x08000C00 (page 3)");
        assertThat(heard).filteredOn(TraceOperation.class::isInstance).map(TraceOperation.class::cast)
                .allSatisfy(op -> assertThat(op.reference()).hasValueSatisfying(
                        r -> assertThat(r.document()).isEqualTo("PM0075")));
        assertThat(target.fpecLocked()).isTrue();
    }

    @Test
    void givenClonePace_whenTraced_thenEachPageIsOneProgramStepOneHalfWordAtATime() {
        FpecFlashAlgorithm fpec = new FpecFlashAlgorithm(target, GEOMETRY, ProgramPacing.POLL_EACH, sink);
        byte[] data = new byte[1024];
        Arrays.fill(data, (byte) 0x11);

        fpec.programPages(List.of(new PagePlan(0, 0x0800_0000L, PageAction.PROGRAM_ONLY, data),
                new PagePlan(1, 0x0800_0400L, PageAction.PROGRAM_ONLY, data)), page -> { });

        assertThat(heard).filteredOn(TraceOperation.Program.class::isInstance).containsExactly(
                new TraceOperation.Program(0x0800_0000L, 512, 0, 0, TraceOperation.Via.FPEC_EACH),
                new TraceOperation.Program(0x0800_0400L, 512, 1, 1, TraceOperation.Via.FPEC_EACH));
    }

    @Test
    void givenSecondBankAndALoader_whenWorded_thenKeyr2AndViaTheLoader() {
        assertThat(new TraceOperation.UnlockFlash(2).text()).contains("FLASH_KEYR2 <- 0x45670123, 0xCDEF89AB");
        assertThat(new TraceOperation.Program(0x0808_0000L, 1024, 256, 256, TraceOperation.Via.SRAM_LOADER).text())
                .isEqualTo("program 1024 half-words at 0x08080000 (page 256) via the flash loader running in SRAM");
    }
}
