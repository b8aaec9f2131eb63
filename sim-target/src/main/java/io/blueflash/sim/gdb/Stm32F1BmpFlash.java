package io.blueflash.sim.gdb;

import io.blueflash.sim.chip.FlashController;
import io.blueflash.sim.chip.OptionBytes;
import io.blueflash.sim.chip.SimProfile;

import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.probe.SwdProbeEngine;
import java.util.Arrays;

/**
 * BMP's STM32F1 flash driver, register level over the MEM-AP (facts §F.3, §B.4, §B.5):
 * <ul>
 * <li>erase: per page, CR = PER, AR = page, CR = PER|STRT, poll BSY, fail on SR &amp; 0x14;</li>
 * <li>write: data is buffered in blocks of the page size (padding 0xFF, as BMP's buffered flash
 *     layer does); a full block is programmed with CR = PG and back-to-back 16-bit MEM-AP writes,
 *     polling BSY only at the end — a genuine F1 stalls the bus while busy, so nothing is lost.
 *     Clones (AP IDR revision &gt; 1) get a BSY poll after every half-word instead, because some
 *     of them (APM32) drop a half-word written while busy (facts §B.4, §H.11);</li>
 * <li>on XL parts, addresses from 0x0808_0000 use bank 2's registers (KEYR2/SR2/CR2/AR2, +0x40);</li>
 * <li>vFlashDone programs what is still buffered and locks the FPEC, which is also locked after
 *     any failure (blueflash's "relock on every exit path").</li>
 * </ul>
 */
final class Stm32F1BmpFlash {

    /** Simulated time a BSY poll may take before the operation is declared stuck (mass erase ≤ 40 ms). */
    private static final long BUSY_TIMEOUT_NANOS = 1_000_000_000L;

    /** BMP's error check: PGERR | WRPRTERR (facts §F.3: "check SR & 0x14"). */
    private static final int SR_ERRORS = FlashController.SR_PGERR | FlashController.SR_WRPRTERR;
    /** RDP key with its complement as BMP writes it after an option erase (facts §B.6). */
    private static final int RDP_UNPROTECTED = 0x5AA5;

    private final SwdProbeEngine engine;
    private final SimClock clock;
    private final DetectedTarget target;
    private final byte[] buffer;
    private long bufferBase = -1;

    Stm32F1BmpFlash(SwdProbeEngine engine, SimClock clock, DetectedTarget target) {
        this.engine = engine;
        this.clock = clock;
        this.target = target;
        this.buffer = new byte[target.blockSize()];
    }

    /** vFlashErase: every block touched by [address, address+length). */
    void erase(int address, int length) {
        long start = Integer.toUnsignedLong(address);
        requireFlash(start, length);
        flushAndRun(() -> {
            int block = target.blockSize();
            for (long page = start - start % block; page < start + length; page += block) {
                int bank = bankOf(page);
                unlock(bank);
                clearStatus(bank);
                engine.write32(FlashController.FLASH_CR + bank, FlashController.CR_PER);
                engine.write32(FlashController.FLASH_AR + bank, (int) page);
                engine.write32(FlashController.FLASH_CR + bank, FlashController.CR_PER | FlashController.CR_STRT);
                waitNotBusyAndCheck(bank, "erasing page at 0x%08X", page);
                engine.write32(FlashController.FLASH_CR + bank, 0);
            }
        });
    }

    /** vFlashWrite: into the block buffer; a block is programmed when the data moves past it. */
    void write(int address, byte[] data) {
        long start = Integer.toUnsignedLong(address);
        requireFlash(start, data.length);
        int block = target.blockSize();
        try {
            for (int done = 0; done < data.length; ) {
                long at = start + done;
                long base = at - at % block;
                if (base != bufferBase) {
                    flush();
                    bufferBase = base;
                    Arrays.fill(buffer, (byte) 0xFF);
                }
                int offset = (int) (at - base);
                int count = Math.min(block - offset, data.length - done);
                System.arraycopy(data, done, buffer, offset, count);
                done += count;
            }
        } catch (RuntimeException e) {
            bufferBase = -1;
            lockQuietly();
            throw e;
        }
    }

    /** vFlashDone: programs the buffered block and locks the FPEC. */
    void done() {
        flushAndRun(() -> { });
        lock();
    }

    /** Mass erase (MER, MER|STRT) of bank 1, and of bank 2 on XL parts as BMP does (facts §B.5). */
    void massErase() {
        flushAndRun(() -> {
            for (int bank : banks()) {
                unlock(bank);
                clearStatus(bank);
                engine.write32(FlashController.FLASH_CR + bank, FlashController.CR_MER);
                engine.write32(FlashController.FLASH_CR + bank, FlashController.CR_MER | FlashController.CR_STRT);
                waitNotBusyAndCheck(bank, "mass erase of the bank at 0x%08X",
                        bank == 0 ? DetectedTarget.FLASH_BASE : SimProfile.BANK2_BASE);
                engine.write32(FlashController.FLASH_CR + bank, 0);
            }
        });
        lock();
    }

    /** monitor option erase: OPTER, then RDP = 0x5AA5 with OPTPG (facts §B.5, §B.6). */
    void optionErase() {
        flushAndRun(() -> {
            unlock(0);
            engine.write32(FlashController.FLASH_OPTKEYR, FlashController.KEY1);
            engine.write32(FlashController.FLASH_OPTKEYR, FlashController.KEY2);
            clearStatus(0);
            engine.write32(FlashController.FLASH_CR, FlashController.CR_OPTER | FlashController.CR_OPTWRE);
            engine.write32(FlashController.FLASH_CR, FlashController.CR_OPTER | FlashController.CR_STRT | FlashController.CR_OPTWRE);
            waitNotBusyAndCheck(0, "erasing the option bytes at 0x%08X", OptionBytes.BASE);
            engine.write32(FlashController.FLASH_CR, FlashController.CR_OPTPG | FlashController.CR_OPTWRE);
            engine.write16(OptionBytes.BASE, RDP_UNPROTECTED);
            int status = waitNotBusy(0, OptionBytes.BASE);
            // BMP accepts PGERR on the RDP slot (facts §B.5): the target refused to erase those bytes
            if ((status & FlashController.SR_WRPRTERR) != 0) {
                throw new BmpTargetException(1, "writing RDP failed: FLASH_SR = 0x" + Integer.toHexString(status));
            }
            engine.write32(FlashController.FLASH_CR, 0);
        });
        lock();
    }

    /**
     * monitor option ADDR VALUE, as BMP's STM32F1 driver: the slot index from the address (none: nothing
     * happens), all eight half-words read, nothing written when the value is already there; otherwise
     * the option bytes are erased unless the slot was still erased, and every slot but the erased ones is
     * programmed again with OPTPG (facts §B.5).
     */
    void optionWrite(int address, int value) {
        long index = (Integer.toUnsignedLong(address) - OptionBytes.BASE) / 2;
        if (Integer.toUnsignedLong(address) < OptionBytes.BASE || index > 7) {
            return;
        }
        flushAndRun(() -> {
            unlock(0);
            engine.write32(FlashController.FLASH_OPTKEYR, FlashController.KEY1);
            engine.write32(FlashController.FLASH_OPTKEYR, FlashController.KEY2);
            int[] slots = new int[8];
            for (int i = 0; i < 8; i += 2) {
                int word = engine.read32(OptionBytes.BASE + 2 * i);
                slots[i] = word & 0xFFFF;
                slots[i + 1] = word >>> 16;
            }
            int wanted = value & 0xFFFF;
            if (slots[(int) index] == wanted) {
                return;
            }
            if (slots[(int) index] != 0xFFFF) {
                clearStatus(0);
                engine.write32(FlashController.FLASH_CR, FlashController.CR_OPTER | FlashController.CR_OPTWRE);
                engine.write32(FlashController.FLASH_CR, FlashController.CR_OPTER | FlashController.CR_STRT
                        | FlashController.CR_OPTWRE);
                waitNotBusyAndCheck(0, "erasing the option bytes at 0x%08X", OptionBytes.BASE);
            }
            slots[(int) index] = wanted;
            for (int i = 0; i < 8; i++) {
                if (slots[i] == 0xFFFF) {
                    continue;
                }
                clearStatus(0);
                engine.write32(FlashController.FLASH_CR, FlashController.CR_OPTPG | FlashController.CR_OPTWRE);
                engine.write16(OptionBytes.BASE + 2 * i, slots[i]);
                waitNotBusy(0, OptionBytes.BASE + 2 * i);
            }
            engine.write32(FlashController.FLASH_CR, 0);
        });
        lock();
    }

    private void flush() {
        if (bufferBase < 0) {
            return;
        }
        long base = bufferBase;
        bufferBase = -1;
        if (isErased(buffer)) {
            return; // nothing to program: the block stays erased
        }
        int bank = bankOf(base);
        unlock(bank);
        clearStatus(bank);
        engine.write32(FlashController.FLASH_CR + bank, FlashController.CR_PG);
        if (target.isClone()) {
            for (int i = 0; i < buffer.length; i += 2) {
                engine.write16((int) (base + i), (buffer[i] & 0xFF) | (buffer[i + 1] & 0xFF) << 8);
                waitNotBusy(bank, base + i);
            }
        } else {
            engine.writeBlock((int) base, buffer.clone(), 2);
        }
        waitNotBusyAndCheck(bank, "programming the block at 0x%08X", base);
        engine.write32(FlashController.FLASH_CR + bank, 0);
    }

    private void flushAndRun(Runnable operation) {
        try {
            flush();
            operation.run();
        } catch (RuntimeException e) {
            bufferBase = -1;
            lockQuietly();
            throw e;
        }
    }

    /** FPEC register offset for the bank holding {@code address}: bank 2 of XL parts at +0x40 (facts §B.1). */
    private int bankOf(long address) {
        return target.dualBank() && address >= SimProfile.BANK2_BASE ? FlashController.BANK2_OFFSET : 0;
    }

    private int[] banks() {
        return target.dualBank() ? new int[] {0, FlashController.BANK2_OFFSET} : new int[] {0};
    }

    private void unlock(int bank) {
        if ((engine.read32(FlashController.FLASH_CR + bank) & FlashController.CR_LOCK) != 0) {
            engine.write32(FlashController.FLASH_KEYR + bank, FlashController.KEY1);
            engine.write32(FlashController.FLASH_KEYR + bank, FlashController.KEY2);
        }
    }

    private void lock() {
        for (int bank : banks()) {
            engine.write32(FlashController.FLASH_CR + bank, FlashController.CR_LOCK);
        }
    }

    private void lockQuietly() {
        try {
            lock();
        } catch (RuntimeException ignored) {
            // the original failure is what the user needs to see
        }
    }

    private void clearStatus(int bank) {
        engine.write32(FlashController.FLASH_SR + bank, FlashController.SR_EOP | FlashController.SR_PGERR | FlashController.SR_WRPRTERR);
    }

    private void waitNotBusyAndCheck(int bank, String what, long address) {
        int status = waitNotBusy(bank, address);
        if ((status & SR_ERRORS) != 0) {
            throw new BmpTargetException(1, String.format(what, address) + String.format(" failed: FLASH_SR = 0x%02X%s",
                    status, (status & FlashController.SR_WRPRTERR) != 0 ? " (write-protected)" : " (not erased, or protected)"));
        }
    }

    private int waitNotBusy(int bank, long address) {
        long deadline = clock.nanos() + BUSY_TIMEOUT_NANOS;
        for (int polls = 1; ; polls++) {
            int status = engine.read32(FlashController.FLASH_SR + bank);
            if ((status & FlashController.SR_BSY) == 0) {
                return status;
            }
            if (clock.nanos() > deadline || polls > SwdBmpTarget.MAX_POLLS) {
                throw new BmpTargetException(1, String.format("flash stayed busy at 0x%08X", address));
            }
        }
    }

    private void requireFlash(long start, long length) {
        if (!target.inFlash(start, length)) {
            throw new BmpTargetException(1, String.format("0x%08X+0x%X is not in flash", start, length));
        }
    }

    private static boolean isErased(byte[] block) {
        for (byte b : block) {
            if (b != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }
}
