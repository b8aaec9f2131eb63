package io.blueflash.flash.stm32f1;

import static io.blueflash.flash.stm32f1.FpecRegisters.*;

import io.blueflash.flash.FlashOperationException;
import io.blueflash.flash.FlashProtectedException;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.PollBudget;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.model.TraceSink;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.trace.TraceOperation;

/**
 * The registers of one FPEC bank (bank 2 of XL parts at +0x40, facts §B.1) and the rules every
 * operation on it follows: unlock only when LOCK is set, clear stale flags, wait for BSY, turn
 * PGERR / WRPRTERR / a missing EOP into errors a user can act on, relock in {@code finally}.
 */
final class FpecBank {

    private final MemoryAccess memory;
    private final FlashGeometry geometry;
    private final long bankAddress;
    private final TraceSink trace;

    /** @param bankAddress any flash address served by this bank */
    FpecBank(MemoryAccess memory, FlashGeometry geometry, long bankAddress) {
        this(memory, geometry, bankAddress, TraceSink.NONE);
    }

    /** @param trace hears the unlock and relock steps */
    FpecBank(MemoryAccess memory, FlashGeometry geometry, long bankAddress, TraceSink trace) {
        this.memory = memory;
        this.geometry = geometry;
        this.bankAddress = bankAddress;
        this.trace = trace;
    }

    /** 1, or 2 for the second bank of XL-density parts. */
    int number() {
        return bankAddress >= BANK2_START ? 2 : 1;
    }

    /** Tells the teaching trace which step the next register accesses carry out. */
    void step(TraceOperation operation) {
        trace.operation(operation);
    }

    int read(int offset) {
        return memory.read32(register(bankAddress, offset));
    }

    void write(int offset, int value) {
        memory.write32(register(bankAddress, offset), value);
    }

    /**
     * Waits for BSY = 0, unlocks, clears stale PGERR/WRPRTERR/EOP, runs {@code operation}, clears
     * PG/PER/MER (a stale PG breaks a later page erase, libopencm3 #253) and, in {@code finally},
     * sets LOCK again — on every exit path.
     */
    void session(String what, PollBudget idleBudget, Runnable operation) {
        RuntimeException failure = null;
        try {
            step(new TraceOperation.UnlockFlash(number()));
            waitNotBusy(idleBudget, what);
            unlock();
            write(SR, SR_CLEAR_ALL);
            operation.run();
            write(CR, 0);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            try {
                step(new TraceOperation.LockFlash(number()));
                write(CR, CR_LOCK);
            } catch (RuntimeException relockFailure) {
                if (failure == null) {
                    throw relockFailure;
                }
                failure.addSuppressed(relockFailure);
            }
        }
    }

    /** KEY1, KEY2 only when LOCK is set: tools avoid writing keys to an unlocked FPEC (PM0075 §2.3.1). */
    private void unlock() {
        if ((read(CR) & CR_LOCK) == 0) {
            return;
        }
        try {
            write(KEYR, KEY1);
            write(KEYR, KEY2);
        } catch (MemoryFaultException busError) {
            throw lockedUntilReset(busError);
        }
        if ((read(CR) & CR_LOCK) != 0) {
            throw lockedUntilReset(null);
        }
    }

    private static FlashOperationException lockedUntilReset(Throwable cause) {
        return new FlashOperationException("FLASH_CR stays locked after the KEY1/KEY2 sequence: a wrong key was "
                + "written earlier, which locks the FPEC until the next reset (PM0075 §2.3.1). Reset the target "
                + "and retry", cause);
    }

    /** Polls SR until BSY = 0 (BSY rises one clock after STRT; every probe read is slower than that). */
    int waitNotBusy(PollBudget budget, String what) {
        PollBudget.Poll poll = budget.start();
        while (true) {
            int sr = read(SR);
            if ((sr & SR_BSY) == 0) {
                return sr;
            }
            if (poll.spent()) {
                throw new FlashOperationException(String.format(
                        "%s: FLASH_SR.BSY still set after %d polls; the target may have lost power or its clock. "
                                + "Power-cycle the board and retry", what, poll.attempts()));
            }
        }
    }

    /** WRPRTERR names the protected page; PGERR says the cells were not erased (PM0075 §2.3.3, §B.7). */
    void check(long flashAddress, int sr, String what) {
        check(flashAddress, flashAddress + 1, sr, what);
    }

    /**
     * As {@link #check(long, int, String)} for an operation on [{@code flashAddress}, {@code end}):
     * when that spans several pages, WRPRTERR names the page range, since SR does not say which of
     * them is protected.
     */
    void check(long flashAddress, long end, int sr, String what) {
        if ((sr & SR_WRPRTERR) != 0) {
            int page = geometry.pageIndexOf(flashAddress);
            int last = geometry.pageIndexOf(end - 1);
            String where = page == last
                    ? String.format("page %d at 0x%08X is write-protected (WRPRTERR; FLASH_WRPR, PM0075 §2.4.2), nothing "
                            + "was changed there", page, geometry.pageAddress(page))
                    : String.format("one or more of pages %d to %d at [0x%08X, 0x%08X) are write-protected (WRPRTERR; "
                            + "FLASH_WRPR, PM0075 §2.4.2), nothing was changed on those", page, last,
                            geometry.pageAddress(page), geometry.pageAddress(last) + geometry.pageSize());
            throw new FlashProtectedException(FlashProtectedException.Kind.WRITE_PROTECTED, String.format(
                    "%s refused: %s. Removing write protection takes effect after a reset", what, where));
        }
        if ((sr & SR_PGERR) != 0) {
            throw new FlashOperationException(String.format(
                    "%s failed with PGERR: the flash there was not erased before programming (PM0075 §2.3.3), or "
                            + "the chip is read-protected and refuses debug programming",
                    what));
        }
    }

    /**
     * Errors first, then EOP: an erase whose CR writes were silently ignored would otherwise pass
     * unnoticed until programming fails with PGERR (EOP is set only on success, PM0075 §2.3.3). SR is
     * read once more before giving up, in case EOP lands just after BSY drops.
     */
    void requireEnd(long flashAddress, int sr, String what) {
        check(flashAddress, sr, what);
        if ((sr & SR_EOP) != 0) {
            return;
        }
        int again = read(SR);
        check(flashAddress, again, what);
        if ((again & SR_EOP) == 0) {
            throw new FlashOperationException(String.format(
                    "%s did not complete: FLASH_SR=0x%08X has neither EOP nor an error flag; the FPEC ignored "
                            + "the command (still locked?). Reset the target and retry", what, again));
        }
    }
}
