package io.blueflash.flash.stm32f1;

import static io.blueflash.flash.stm32f1.FpecRegisters.*;
import static io.blueflash.flash.stm32f1.SramWorkArea.*;

import io.blueflash.flash.DriverChoice;
import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.flash.FlashOperationException;
import io.blueflash.flash.PageChecksums;
import io.blueflash.flash.PagePlan;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.PollBudget;
import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.trace.TraceOperation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Programming through blueflash's own flash loader, run from SRAM on the target's core
 * ({@link SramLoaderImage}): the core writes each half-word and polls FLASH_SR.BSY itself, so the
 * probe only streams data. Double-buffered: while the core programs the block in one buffer the
 * host fills the other, and waits only when both are full. Blocks are {@link #BLOCK_BYTES}: the
 * first one goes with the control block before the core starts, so the core idles only for that
 * one. On parts not known as clones the core writes half-words back to back (the bus stalls each
 * write until BSY clears) and reads the first block back to catch a clone that drops them
 * ({@code MODE_CHECK_FIRST_BLOCK}); on clones it waits for BSY after each. Erase stays on the
 * register path (one command per page, the probe waits t_ERASE either way), as do reads. The
 * loader's second routine computes page checksums ({@link PageChecksums}, {@link Stm32Crc32}) on the core.
 *
 * <p>Every programming run happens inside an {@link FpecBank} session (unlock, clear flags, relock
 * in {@code finally}) and every run inside a {@link LoaderRun} (core halted again and DEMCR restored
 * in {@code finally}). Each routine's code goes to SRAM the first time the session runs it, with its
 * control block in one transfer (an unchanged image needs only the CRC routine); when SRAM refuses it
 * (the write faults), programming falls back to the registers and checksums to reading the pages,
 * with a note.
 */
final class SramLoaderAlgorithm implements FlashAlgorithm, PageChecksums {

    /**
     * How long one block may take: 4 KB is 2048 half-words of at most 70 µs (DS5319 t_prog) = 0.14 s;
     * the attempt floor covers a slow simulated wire.
     */
    static final PollBudget BLOCK_BUDGET = new PollBudget(50_000, Duration.ofSeconds(2));

    static final String NAME = "STM32F1 SRAM loader (double-buffered, BSY polled on the core)";

    /**
     * Bytes per streamed block. While the core programs, each probe access to SRAM waits for the
     * flash write the core has stalled on (one t_prog per word, two half-words programmed per word
     * sent), so a block downloads in about half the time its predecessor takes to program plus a few
     * USB round trips; small blocks keep the core's idle start (the first block) short.
     */
    static final int BLOCK_BYTES = 1024;

    private final MemoryAccess memory;
    private final CoreControl core;
    private final FlashGeometry geometry;
    private final SramWorkArea area;
    private final FlashAlgorithm registers;
    private final DriverChoice choice;
    private final byte[] code;
    private final PollBudget budget;
    private final LoaderRun run;
    private final LoaderPageCrc crc;
    /** null until the first run has written code; false when SRAM refused it. */
    private Boolean loaded;
    /** The CRC routine's code is in SRAM. */
    private boolean crcPlaced;
    /** The programming routine's code is in SRAM. */
    private boolean programPlaced;
    private int mode;

    SramLoaderAlgorithm(MemoryAccess memory, CoreControl core, FlashGeometry geometry, SramWorkArea area,
                        FlashAlgorithm registers, DriverChoice choice) {
        this(memory, core, geometry, area, registers, choice, SramLoaderImage.bytes(), BLOCK_BUDGET);
    }

    /** @param code the loader's bytes (tests pass a broken one) */
    SramLoaderAlgorithm(MemoryAccess memory, CoreControl core, FlashGeometry geometry, SramWorkArea area,
                        FlashAlgorithm registers, DriverChoice choice, byte[] code, PollBudget budget) {
        this.memory = Objects.requireNonNull(memory, "'memory' must not be null");
        this.core = Objects.requireNonNull(core, "'core' must not be null");
        this.geometry = Objects.requireNonNull(geometry, "'geometry' must not be null");
        this.area = Objects.requireNonNull(area, "'area' must not be null");
        this.registers = Objects.requireNonNull(registers, "'registers' must not be null");
        this.choice = Objects.requireNonNull(choice, "'choice' must not be null");
        this.code = code.clone();
        this.budget = Objects.requireNonNull(budget, "'budget' must not be null");
        if (area.control() != area.code() + ((code.length + 15) & ~15)) {
            throw new IllegalArgumentException(String.format("the control block must follow the code at the next "
                    + "16-byte boundary (the loader looks for it there): code 0x%08X, %d bytes, control 0x%08X",
                    area.code(), code.length, area.control()));
        }
        this.run = new LoaderRun(memory, core, area);
        this.crc = new LoaderPageCrc(memory, run, geometry, area, this::placed, budget);
        this.mode = switch (choice.pacing()) {
            case POLL_EACH -> MODE_PACED;
            case PAGE_BLOCK -> MODE_BACK_TO_BACK;
            case AUTO -> choice.cloneChip() ? MODE_PACED : MODE_CHECK_FIRST_BLOCK;
        };
    }

    @Override
    public String name() {
        return Boolean.FALSE.equals(loaded) ? registers.name() : NAME;
    }

    @Override
    public void erasePage(long pageAddress) {
        registers.erasePage(pageAddress);
    }

    @Override
    public void erasePages(List<Long> pageAddresses, LongConsumer erased) {
        registers.erasePages(pageAddresses, erased);
    }

    @Override
    public void massErase() {
        registers.massErase();
    }

    @Override
    public void programPage(long address, byte[] data) {
        Objects.requireNonNull(data, "'data' must not be null");
        programPages(List.of(PagePlan.programOnly(address, data)), page -> { });
    }

    @Override
    public void programPages(List<PagePlan> pages, Consumer<PagePlan> programmed) {
        pages.forEach(page -> FpecFlashAlgorithm.checkProgramRange(geometry, page.address(), page.size()));
        if (pages.isEmpty()) {
            return;
        }
        if (!placed(area.control(), new byte[0])) {
            registers.programPages(pages, programmed);
            return;
        }
        for (List<PagePlan> batch : FpecFlashAlgorithm.byBank(pages, PagePlan::address)) {
            FpecBank bank = new FpecBank(memory, geometry, batch.get(0).address(), choice.trace());
            String what = String.format("programming of %d page(s) from 0x%08X by the SRAM loader", batch.size(),
                    batch.get(0).address());
            bank.session(what, FpecFlashAlgorithm.ERASE_BUDGET, () -> stream(bank, batch, programmed, what));
        }
    }

    @Override
    public byte[] read(long address, int length) {
        return memory.readBlock((int) address, length);
    }

    @Override
    public String checksumName() {
        return LoaderPageCrc.NAME;
    }

    /** The loader's CRC routine over the pages ({@link LoaderPageCrc}), its code placed with the first run. */
    @Override
    public List<Integer> onTarget(List<Long> pageAddresses) {
        return crc.onTarget(pageAddresses);
    }

    /** The same, reading the CRCs over the probe only when their digest is not the expected one. */
    @Override
    public List<Integer> onTarget(List<Long> pageAddresses, List<Integer> expected) {
        return crc.onTarget(pageAddresses, expected);
    }

    @Override
    public int of(byte[] page) {
        return Stm32Crc32.of(page);
    }

    /**
     * Whether the loader is (or will be, with the next run's control block) in SRAM: false only after
     * SRAM refused it.
     */
    boolean loaded() {
        return !Boolean.FALSE.equals(loaded);
    }

    /**
     * Writes {@code block} at {@code address} in the work area: a control block, the CRC routine's
     * ({@link SramWorkArea#crcControl()}) or the programming routine's. The first time, the routine's code
     * goes with it, in one transfer from the routine's first byte: a session sends only the routines it
     * runs. False, after a note, when SRAM refuses the code, now or before.
     */
    private boolean placed(int address, byte[] block) {
        if (Boolean.FALSE.equals(loaded)) {
            return false;
        }
        boolean crcRoutine = address == area.crcControl();
        if (crcRoutine ? crcPlaced : programPlaced) {
            if (block.length > 0) {
                memory.writeBlock(address, block, AccessWidth.WORD);
            }
            return true;
        }
        int from = crcRoutine ? SramLoaderImage.CRC_ENTRY : SramLoaderImage.PROGRAM_ENTRY;
        byte[] routine = crcRoutine ? SramLoaderImage.crcRoutine(code) : SramLoaderImage.programRoutine(code);
        byte[] all = Arrays.copyOf(routine, Math.max(routine.length, address - area.code() - from + block.length));
        System.arraycopy(block, 0, all, Math.max(0, address - area.code() - from), block.length);
        try {
            memory.writeBlock(area.code() + from, all, AccessWidth.WORD);
        } catch (MemoryFaultException fault) {
            loaded = false;
            choice.note(String.format("the flash loader could not be placed in SRAM at 0x%08X (%s); programming "
                    + "through the FPEC registers instead (slower)", area.code() + from, fault.getMessage()));
            return false;
        }
        loaded = true;
        if (crcRoutine) {
            crcPlaced = true;
        } else {
            programPlaced = true;
        }
        return true;
    }

    /**
     * Writes the control block with the first block in slot 0, starts the programming routine, feeds
     * it the other blocks through the two slots, ends it.
     */
    private void stream(FpecBank bank, List<PagePlan> batch, Consumer<PagePlan> programmed, String what) {
        List<ProgramRun> runs = ProgramRun.coalesce(batch, Math.min(BLOCK_BYTES, area.bufferBytes()));
        ProgramRun[] inSlot = new ProgramRun[2];
        ByteBuffer control = ByteBuffer.wrap(area.controlBlock(area.buffer0(), area.bufferBytes(),
                FpecRegisters.register(batch.get(0).address(), 0), mode)).order(ByteOrder.LITTLE_ENDIAN);
        int first = 0;
        int slot = 0;
        byte[] firstData = new byte[0];
        if (runs.get(0).data().length > 0) {
            ProgramRun block = runs.get(0);
            traceProgram(bank, block);
            firstData = padToWord(block.data());
            control.putInt(SLOT_ADDRESS, (int) block.address()).putInt(SLOT_COUNT, block.data().length);
            inSlot[0] = block;
            first = 1;
            slot = 1;
        }
        memory.writeBlock(area.control(), concat(control.array(), firstData), AccessWidth.WORD);
        try {
            run.start(SramLoaderImage.PROGRAM_ENTRY);
            for (ProgramRun block : runs.subList(first, runs.size())) {
                if (block.data().length == 0) {       // only completes pages already erased
                    drain(bank, inSlot, slot, programmed, what);
                    block.completes().forEach(programmed);
                    continue;
                }
                awaitFree(bank, inSlot, slot, programmed, what);
                traceProgram(bank, block);
                memory.writeBlock(area.buffer(slot), padToWord(block.data()), AccessWidth.WORD);
                memory.writeBlock(area.slotAddress(slot), words((int) block.address(), block.data().length),
                        AccessWidth.WORD);
                inSlot[slot] = block;
                slot ^= 1;
            }
            drain(bank, inSlot, slot, programmed, what);
            memory.write32(area.slotAddress(slot) + SLOT_COUNT - SLOT_ADDRESS, END_OF_BLOCKS);
            ByteBuffer done = run.awaitDone(budget, what, 24);
            int[] words = new int[6];
            for (int i = 0; i < words.length; i++) {
                words[i] = done.getInt(4 * i);
            }
            if ((words[0] & ~STATUS_DROPPED) != STATUS_DONE) {
                failed(bank, words, what);
            }
            if ((words[0] & STATUS_DROPPED) != 0) {
                mode = MODE_PACED;
                choice.note("half-words written while the flash was busy were dropped (a clone that does not stall "
                        + "the bus while BSY): the flash loader wrote them again and now waits for BSY after each "
                        + "half-word (RM0008 §3.3.3)");
            }
        } finally {
            run.end();
        }
    }

    private void traceProgram(FpecBank bank, ProgramRun block) {
        bank.step(new TraceOperation.Program(block.address(), block.data().length / 2,
                geometry.pageIndexOf(block.address()),
                geometry.pageIndexOf(block.address() + block.data().length - 1), TraceOperation.Via.SRAM_LOADER));
    }

    /** Waits for the older slot, then the newer one (the one before {@code next}). */
    private void drain(FpecBank bank, ProgramRun[] inSlot, int next, Consumer<PagePlan> programmed, String what) {
        awaitFree(bank, inSlot, next, programmed, what);
        awaitFree(bank, inSlot, next ^ 1, programmed, what);
    }

    /**
     * Polls the control block until {@code slot} is free, then reports the pages its block completed.
     * A status word with the error bit, or a core that halted meanwhile, ends the run with an error.
     */
    private void awaitFree(FpecBank bank, ProgramRun[] inSlot, int slot, Consumer<PagePlan> programmed, String what) {
        ProgramRun pending = inSlot[slot];
        if (pending == null) {
            return;
        }
        PollBudget.Poll poll = budget.start();
        for (int polls = 1; ; polls++) {
            if (memory.read32(area.slotAddress(slot) + SLOT_COUNT - SLOT_ADDRESS) == 0) {
                inSlot[slot] = null;
                pending.completes().forEach(programmed);
                return;
            }
            if (polls % 8 == 0 && run.stopped()) {
                int[] control = control();
                if ((control[0] & STATUS_ERROR) != 0) {
                    run.requireBreakpoint(what);
                    failed(bank, control, what);
                }
                run.requireBreakpoint(what);
                throw new FlashOperationException(FlashOperationException.Reason.LOADER_FAULT, String.format(
                        "%s: the flash loader stopped before its block at 0x%08X was programmed", what,
                        pending.address()), null);
            }
            if (poll.spent()) {
                throw run.timeout(String.format("%s, block [0x%08X, 0x%08X)", what, pending.address(),
                        pending.address() + pending.data().length), poll.attempts());
            }
        }
    }

    /** WRPRTERR as the register path reports it; PGERR or a half-word that read back wrong as the loader's errors. */
    private void failed(FpecBank bank, int[] control, String what) {
        int sr = control[0] & ~(STATUS_ERROR | STATUS_LOST);
        long at = control[5] & 0xFFFF_FFFFL;
        bank.check(at, sr & SR_WRPRTERR, what);
        if ((control[0] & STATUS_LOST) != 0) {
            throw new FlashOperationException(FlashOperationException.Reason.LOADER_FLASH_ERROR, String.format(
                    "%s failed at 0x%08X: the half-word reads back other than written although FLASH_SR=0x%02X shows "
                            + "no error (RM0008 §3.3.3, PM0075 §2.3.3): the flash cell may be worn, or the chip drops "
                            + "writes; the FPEC was locked again and the core left halted", what, at, sr), null);
        }
        throw new FlashOperationException(FlashOperationException.Reason.LOADER_FLASH_ERROR, String.format(
                "%s failed at 0x%08X: FLASH_SR=0x%02X reports PGERR, the half-word there was not erased before "
                        + "programming (RM0008 §3.3.3, PM0075 §2.3.3); the FPEC was locked again and the core left halted",
                what, at, sr), null);
    }

    /** The control block: status, slot 0 address and count, slot 1 address and count, failing address. */
    private int[] control() {
        ByteBuffer bytes = ByteBuffer.wrap(memory.readBlock(area.control(), 24)).order(ByteOrder.LITTLE_ENDIAN);
        int[] words = new int[6];
        for (int i = 0; i < words.length; i++) {
            words[i] = bytes.getInt();
        }
        return words;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static byte[] words(int... values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            out.putInt(value);
        }
        return out.array();
    }

    /** Pads with 0xFF, which the loader skips (an erased half-word already reads 0xFFFF). */
    private static byte[] padToWord(byte[] data) {
        if (data.length % 4 == 0) {
            return data;
        }
        byte[] padded = Arrays.copyOf(data, (data.length + 3) & ~3);
        Arrays.fill(padded, data.length, padded.length, (byte) 0xFF);
        return padded;
    }
}
