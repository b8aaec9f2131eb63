package io.blueflash.flash.stm32f1;

import static io.blueflash.flash.stm32f1.FpecRegisters.*;

import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.flash.FlashRangeException;
import io.blueflash.flash.PagePlan;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.PollBudget;
import io.blueflash.model.ProgramPacing;
import io.blueflash.model.TraceSink;
import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.trace.TraceOperation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The STM32F1 FPEC driven from the host, register by register (facts §B), as OpenOCD's fallback
 * without a work area and BMP's {@code stm32f1_flash_write} do. Every operation runs in an
 * {@link FpecBank} session (unlock when locked, clear stale flags, relock in {@code finally}) and
 * sets PER (+AR, STRT), MER (+STRT) or PG (+half-word writes), then waits for BSY = 0 and checks
 * PGERR / WRPRTERR (and EOP after an erase).
 * Batches ({@link #erasePages}, {@link #programPages}) keep the bank unlocked across their pages:
 * one unlock and one relock per batch, which matters over probes where each register access is a
 * USB round trip. XL-density bank 2 (addresses from 0x0808_0000) uses KEYR2/SR2/CR2/AR2 at +0x40.
 *
 * <p>Programming pace ({@link ProgramPacing}, facts §B.4, §H.11): {@code PAGE_BLOCK} coalesces the
 * runs of non-erased half-words of consecutive pages into address-contiguous runs of at most
 * {@link #MAX_RUN_BYTES}, streams each as one half-word block write and polls BSY and checks the
 * error flags once at its end — a genuine F1 stalls the bus while BSY, so nothing is lost and a
 * probe that pays a USB round trip per command (ST-Link) does one command per run instead of one
 * per page, as OpenOCD without a work area and BMP stream many half-words before checking;
 * {@code POLL_EACH} writes one half-word and polls BSY every time, which APM32 clones need because
 * they drop a half-word written while BSY. Half-words of 0xFFFF are skipped: they already read so
 * after an erase. A verify by read-back catches any loss either way.
 */
public final class FpecFlashAlgorithm implements FlashAlgorithm {

    /** t_prog max is 70 µs (facts §B.8); the attempt floor covers a slow simulated wire. */
    public static final PollBudget PROGRAM_BUDGET = new PollBudget(2_000, Duration.ofMillis(500));
    /**
     * Largest coalesced run written with one block write: the ST-Link's largest 16/32-bit memory
     * transfer per command (facts §D.7, 6144 bytes = 3 pages of 2 KB or 6 of 1 KB), so a run costs
     * one probe command there; other probes split or stream blocks themselves.
     */
    public static final int MAX_RUN_BYTES = 6144;
    /** t_ERASE / t_ME max 40 ms; OpenOCD allows 100 ms, we allow more for slow probes. */
    public static final PollBudget ERASE_BUDGET = new PollBudget(20_000, Duration.ofSeconds(2));

    private final MemoryAccess memory;
    private final FlashGeometry geometry;
    private final ProgramPacing pacing;
    private final PollBudget programBudget;
    private final PollBudget eraseBudget;
    private final TraceSink trace;

    public FpecFlashAlgorithm(MemoryAccess memory, FlashGeometry geometry, ProgramPacing pacing) {
        this(memory, geometry, pacing, PROGRAM_BUDGET, ERASE_BUDGET);
    }

    /** @param trace hears each step (unlock, erase page, program, relock) before its register accesses */
    public FpecFlashAlgorithm(MemoryAccess memory, FlashGeometry geometry, ProgramPacing pacing, TraceSink trace) {
        this(memory, geometry, pacing, PROGRAM_BUDGET, ERASE_BUDGET, trace);
    }

    /** @param pacing {@link ProgramPacing#PAGE_BLOCK} or {@link ProgramPacing#POLL_EACH} (resolve AUTO first) */
    public FpecFlashAlgorithm(MemoryAccess memory, FlashGeometry geometry, ProgramPacing pacing,
                              PollBudget programBudget, PollBudget eraseBudget) {
        this(memory, geometry, pacing, programBudget, eraseBudget, TraceSink.NONE);
    }

    private FpecFlashAlgorithm(MemoryAccess memory, FlashGeometry geometry, ProgramPacing pacing,
                               PollBudget programBudget, PollBudget eraseBudget, TraceSink trace) {
        this.trace = Objects.requireNonNull(trace, "'trace' must not be null");
        this.memory = Objects.requireNonNull(memory, "'memory' must not be null");
        this.geometry = Objects.requireNonNull(geometry, "'geometry' must not be null");
        this.pacing = Objects.requireNonNull(pacing, "'pacing' must not be null");
        this.programBudget = Objects.requireNonNull(programBudget, "'programBudget' must not be null");
        this.eraseBudget = Objects.requireNonNull(eraseBudget, "'eraseBudget' must not be null");
        if (pacing == ProgramPacing.AUTO) {
            throw new IllegalArgumentException("resolve ProgramPacing.AUTO to PAGE_BLOCK or POLL_EACH first");
        }
    }

    @Override
    public String name() {
        return pacing == ProgramPacing.PAGE_BLOCK
                ? "STM32F1 FPEC (page block writes)"
                : "STM32F1 FPEC (half-word + BSY poll, clone-safe)";
    }

    @Override
    public void erasePage(long pageAddress) {
        erasePages(List.of(pageAddress), address -> { });
    }

    /** Per bank: unlock once; per page: clear SR, AR, PER|STRT, wait, require EOP; relock once. */
    @Override
    public void erasePages(List<Long> pageAddresses, LongConsumer erased) {
        for (List<Long> batch : byBank(pageAddresses, address -> address)) {
            FpecBank bank = bank(batch.get(0));
            bank.session(String.format("erase of %d page(s) from 0x%08X", batch.size(), batch.get(0)), eraseBudget, () -> {
                bank.write(CR, CR_PER);
                for (long pageAddress : batch) {
                    int page = geometry.pageIndexOf(pageAddress);
                    if (geometry.pageAddress(page) != pageAddress) {
                        throw new IllegalArgumentException(String.format("0x%08X is not the start of a page", pageAddress));
                    }
                    String what = String.format("erase of page %d at 0x%08X", page, pageAddress);
                    bank.step(new TraceOperation.ErasePage(page, pageAddress, bank.number()));
                    bank.write(SR, SR_CLEAR_ALL);
                    bank.write(AR, (int) pageAddress);
                    bank.write(CR, CR_PER | CR_STRT);
                    bank.requireEnd(pageAddress, bank.waitNotBusy(eraseBudget, what), what);
                    erased.accept(pageAddress);
                }
            });
        }
    }

    /** MER + STRT on bank 1, then on bank 2 when the flash reaches it (XL density). */
    @Override
    public void massErase() {
        for (long start : banks()) {
            String what = String.format("mass erase of the bank at 0x%08X", start);
            FpecBank bank = bank(start);
            bank.session(what, eraseBudget, () -> {
                bank.step(new TraceOperation.MassErase(bank.number()));
                bank.write(CR, CR_MER);
                bank.write(CR, CR_MER | CR_STRT);
                bank.requireEnd(start, bank.waitNotBusy(eraseBudget, what), what);
            });
        }
    }

    @Override
    public void programPage(long address, byte[] data) {
        Objects.requireNonNull(data, "'data' must not be null");
        programPages(List.of(PagePlan.programOnly(address, data)), page -> { });
    }

    /**
     * Per bank: unlock once, PG once, then either ({@code PAGE_BLOCK}) each coalesced run as one block
     * with one BSY wait and error check, reporting its pages after the check, or ({@code POLL_EACH})
     * each page's runs half-word by half-word; PG cleared, relock once.
     */
    @Override
    public void programPages(List<PagePlan> pages, Consumer<PagePlan> programmed) {
        pages.forEach(page -> checkProgramRange(geometry, page.address(), page.size()));
        for (List<PagePlan> batch : byBank(pages, PagePlan::address)) {
            FpecBank bank = bank(batch.get(0).address());
            bank.session(String.format("programming of %d page(s) from 0x%08X", batch.size(), batch.get(0).address()),
                    eraseBudget, () -> {
                bank.write(CR, CR_PG);
                if (pacing == ProgramPacing.PAGE_BLOCK) {
                    for (ProgramRun run : ProgramRun.coalesce(batch, MAX_RUN_BYTES)) {
                        programBlock(bank, run);
                        run.completes().forEach(programmed);
                    }
                    return;
                }
                for (PagePlan page : batch) {
                    byte[] data = page.data();
                    List<int[]> runs = PagePlan.nonErasedRuns(data);
                    int halfWords = runs.stream().mapToInt(run -> run[1] / 2).sum();
                    if (halfWords > 0) {
                        bank.step(new TraceOperation.Program(page.address(), halfWords, geometry.pageIndexOf(page.address()),
                                geometry.pageIndexOf(page.address()), TraceOperation.Via.FPEC_EACH));
                    }
                    for (int[] run : runs) {
                        programEach(bank, page.address() + run[0], Arrays.copyOfRange(data, run[0], run[0] + run[1]));
                    }
                    programmed.accept(page);
                }
            });
        }
    }

    /** Half-word aligned, inside the flash and inside one FPEC bank. */
    static void checkProgramRange(FlashGeometry geometry, long address, int length) {
        if ((address & 1) != 0 || length % 2 != 0) {
            throw new IllegalArgumentException(String.format(
                    "flash is programmed in half-words: 0x%08X + %d bytes is not half-word aligned", address, length));
        }
        if (!geometry.contains(address, length) || address < BANK2_START && address + length > BANK2_START) {
            throw new FlashRangeException(FlashRangeException.Reason.ACROSS_BANKS, String.format("[0x%08X, 0x%08X) is not inside one flash bank of [0x%08X, 0x%08X)",
                    address, address + length, geometry.baseAddress(), geometry.endAddress()));
        }
    }

    /** Consecutive runs of items served by the same FPEC bank, in order. */
    static <T> List<List<T>> byBank(List<T> items, java.util.function.ToLongFunction<T> address) {
        List<List<T>> batches = new ArrayList<>();
        for (T item : items) {
            boolean bank2 = address.applyAsLong(item) >= BANK2_START;
            if (batches.isEmpty() || (address.applyAsLong(batches.get(batches.size() - 1).get(0)) >= BANK2_START) != bank2) {
                batches.add(new ArrayList<>());
            }
            batches.get(batches.size() - 1).add(item);
        }
        return batches;
    }

    @Override
    public byte[] read(long address, int length) {
        return memory.readBlock((int) address, length);
    }

    /** One block write for the whole run, then one BSY wait and one error check naming its pages. */
    private void programBlock(FpecBank bank, ProgramRun run) {
        byte[] data = run.data();
        if (data.length == 0) {
            return;
        }
        long address = run.address();
        long end = address + data.length;
        int first = geometry.pageIndexOf(address);
        int last = geometry.pageIndexOf(end - 1);
        String what = String.format("programming of [0x%08X, 0x%08X) %s", address, end,
                first == last ? "in page " + first : String.format("in pages %d to %d", first, last));
        bank.step(new TraceOperation.Program(address, data.length / 2, first, last, TraceOperation.Via.FPEC_BLOCK));
        memory.writeBlock((int) address, data, AccessWidth.HALFWORD);
        bank.check(address, end, bank.waitNotBusy(programBudget, what), what);
    }

    /** Clone-safe pace: one half-word, then BSY and the error flags, every time (facts §H.11). */
    private void programEach(FpecBank bank, long address, byte[] run) {
        String what = String.format("programming of [0x%08X, 0x%08X)", address, address + run.length);
        for (int off = 0; off < run.length; off += 2) {
            memory.write16((int) address + off, (run[off] & 0xFF) | (run[off + 1] & 0xFF) << 8);
            bank.check(address + off, bank.waitNotBusy(programBudget, what), what);
        }
    }

    private long[] banks() {
        return geometry.endAddress() > BANK2_START && geometry.baseAddress() < BANK2_START
                ? new long[] {geometry.baseAddress(), BANK2_START}
                : new long[] {geometry.baseAddress()};
    }

    private FpecBank bank(long flashAddress) {
        return new FpecBank(memory, geometry, flashAddress, trace);
    }
}
