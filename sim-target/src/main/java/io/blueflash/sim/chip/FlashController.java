package io.blueflash.sim.chip;

import io.blueflash.sim.bus.BusDevice;
import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.bus.BusMaster;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTracer;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The flash program/erase controller (FPEC) at 0x4002_2000 (facts §B), with its timed BSY state.
 *
 * <p>Rules, each from the facts sheet:
 * <ul>
 * <li>§B.3 keys: KEY1 then KEY2 in FLASH_KEYR clears LOCK; any other value locks the FPEC until the
 *     next reset and answers with a bus error. A correct pair while unlocked is a no-op (the facts'
 *     suggested default). Setting LOCK re-locks until the next key pair. OPTKEYR works the same way
 *     and sets OPTWRE; it needs an unlocked FLASH_CR.</li>
 * <li>§B.3, §H.9 BSY: FPEC register <em>writes</em> issued while BSY stall until BSY clears (the
 *     stall is time on the clock); register reads (BSY polling) never stall.</li>
 * <li>§B.4 programming: with PG set only 16-bit writes are accepted (others: bus error); the target
 *     half-word must read 0xFFFF unless the new value is 0x0000 (else PGERR, nothing written);
 *     write-protected pages give WRPRTERR; BSY is held for t_prog; EOP is set on success. Flash reads
 *     and writes while BSY stall (genuine parts). The {@code apm32f103c8} profile instead <em>loses</em>
 *     a half-word written while BSY (§B.4, §H.11). Writing flash without PG (or while LOCK) is ignored.</li>
 * <li>§B.5 erase: PER + AR + STRT erases the page containing AR (t_ERASE); MER + STRT erases the
 *     bank's main flash, never the information block (t_ME); OPTER + STRT erases the option bytes
 *     (needs OPTWRE). STRT reads 1 until BSY clears. An erase touching a write-protected page gives
 *     WRPRTERR and erases nothing (for a mass erase this is an assumption: the sources are silent).</li>
 * <li>§B.5 option programming: OPTPG + OPTWRE, half-word writes to 0x1FFF_F800+2n; the complement
 *     byte is generated; a non-erased slot gives WRPRTERR. Programming RDP = 0xA5 while read
 *     protection is active first mass-erases main flash (§B.6).</li>
 * <li>§A.3, §B.7 FLASH_OBR / FLASH_WRPR are loaded from the option bytes only at reset.</li>
 * <li>§B.6 read-out protection: in debug mode (or when not booted from main flash) flash reads are
 *     bus errors and program/erase is refused with PGERR; firmware running from flash keeps access
 *     except that pages of the first 4 KB are write/erase-protected (WRPRTERR).</li>
 * <li>§A.2 XL: bank 2 (0x0808_0000) has its own KEYR2/SR2/CR2/AR2 at +0x40 and no option registers.</li>
 * <li>BSY rises on the write that starts an operation; the one-cycle STRT-to-BSY latency of §B.5
 *     is not modelled (no bus master can poll within one AHB cycle of its own write).</li>
 * <li>SR: PGERR, WRPRTERR and EOP are write-1-to-clear; all FPEC registers are written as 32-bit
 *     words (narrower writes: bus error, §B.1 F0 analog).</li>
 * </ul>
 */
public final class FlashController implements BusDevice {

    /** The text of an access nobody traces. */
    private static final Supplier<String> NO_TEXT = () -> "";

    public static final int BASE = 0x4002_2000;
    public static final int KEY1 = 0x4567_0123;
    public static final int KEY2 = 0xCDEF_89AB;

    public static final int ACR = 0x00, KEYR = 0x04, OPTKEYR = 0x08, SR = 0x0C, CR = 0x10, AR = 0x14,
            OBR = 0x1C, WRPR = 0x20, BANK2_OFFSET = 0x40;

    /** The same registers (bank 1) at their absolute addresses, for the parts that drive the FPEC as a bus master. */
    public static final int FLASH_KEYR = BASE + KEYR, FLASH_OPTKEYR = BASE + OPTKEYR, FLASH_SR = BASE + SR,
            FLASH_CR = BASE + CR, FLASH_AR = BASE + AR, FLASH_OBR = BASE + OBR, FLASH_WRPR = BASE + WRPR;

    public static final int SR_BSY = 1, SR_PGERR = 1 << 2, SR_WRPRTERR = 1 << 4, SR_EOP = 1 << 5;
    public static final int CR_PG = 1, CR_PER = 1 << 1, CR_MER = 1 << 2, CR_OPTPG = 1 << 4, CR_OPTER = 1 << 5,
            CR_STRT = 1 << 6, CR_LOCK = 1 << 7, CR_OPTWRE = 1 << 9, CR_ERRIE = 1 << 10, CR_EOPIE = 1 << 12;

    private static final int CR_WRITABLE = CR_PG | CR_PER | CR_MER | CR_OPTPG | CR_OPTER | CR_ERRIE | CR_EOPIE;
    private static final int SR_W1C = SR_PGERR | SR_WRPRTERR | SR_EOP;

    private final SimProfile profile;
    private final FlashArray flash;
    private final OptionBytes optionBytes;
    private final SimClock clock;
    private final SimTracer tracer;
    private final Predicate<BusMaster> debugContext;
    private final Random undefinedBits = new Random(0x5EED);
    private final Bank[] banks;
    private FlashTiming timing;
    private int acr = 0x30;
    private int obr;
    private int wrpr;

    /**
     * @param debugContext true when a flash access by this master happens "in debug mode" in the
     *                     sense of §B.6 (debugger master, debugger attached, or not booted from flash)
     */
    FlashController(SimProfile profile, FlashArray flash, OptionBytes optionBytes, SimClock clock, SimTracer tracer,
                    Predicate<BusMaster> debugContext) {
        this.profile = profile;
        this.flash = flash;
        this.optionBytes = optionBytes;
        this.clock = clock;
        this.tracer = tracer;
        this.debugContext = debugContext;
        this.timing = profile.timing();
        int bank1 = profile.bank1Bytes();
        this.banks = profile.density().dualBank() && flash.size() > bank1
                ? new Bank[] {new Bank(1, 0, bank1), new Bank(2, bank1, flash.size())}
                : new Bank[] {new Bank(1, 0, flash.size())};
        reset();
    }

    private final class Bank {
        final int number;
        final int startOffset;
        final int endOffset;
        int cr;
        int sr;
        int ar;
        int keyStage;
        boolean lockedUntilReset;
        long busyUntil;
        FlashOperation pending;

        Bank(int number, int startOffset, int endOffset) {
            this.number = number;
            this.startOffset = startOffset;
            this.endOffset = endOffset;
        }

        String reg(String name) {
            return number == 1 ? name : name + "2";
        }

        boolean locked() {
            return (cr & CR_LOCK) != 0;
        }

        boolean busy() {
            settle(this);
            return pending != null;
        }

        void lockUntilReset(int address, String reason) {
            cr = (cr | CR_LOCK) & ~CR_OPTWRE;
            keyStage = 0;
            lockedUntilReset = true;
            flashEvent(() -> "FPEC bank " + number + " locked until reset: " + reason);
            throw new BusFaultException(address, reason + "; FLASH_" + reg("CR") + " stays locked until reset (PM0075 §2.3.1)");
        }
    }

    // ---------------------------------------------------------------- timing, reset, power

    void setTiming(FlashTiming timing) {
        this.timing = java.util.Objects.requireNonNull(timing, "'timing' must not be null");
    }

    FlashTiming timing() {
        return timing;
    }

    /** System reset: registers to reset values, OBR/WRPR reloaded; an operation in flight is cut short. */
    void reset() {
        for (Bank bank : banks) {
            settle(bank);
            if (bank.pending != null) {
                abort(bank, "reset");
            }
            bank.cr = CR_LOCK;
            bank.sr = 0;
            bank.ar = 0;
            bank.keyStage = 0;
            bank.lockedUntilReset = false;
        }
        acr = 0x30;
        obr = optionBytes.loadObr();
        wrpr = optionBytes.loadWrpr();
    }

    /** Power lost: the operation in flight leaves undefined cells (bits can only have moved part way). */
    void powerLost() {
        for (Bank bank : banks) {
            settle(bank);
            if (bank.pending != null) {
                abort(bank, "power loss");
            }
        }
    }

    /** Completes every operation in flight by letting simulated time pass (used before a snapshot). */
    void finishPending() {
        for (Bank bank : banks) {
            if (bank.pending != null) {
                clock.advanceTo(bank.busyUntil);
                settle(bank);
            }
        }
    }

    private void abort(Bank bank, String why) {
        FlashOperation op = bank.pending;
        bank.pending = null;
        if (op instanceof FlashOperation.Program p) {
            flash.corruptHalfWord(p.offset(), ~p.value() & undefinedBits.nextInt(0x10000));
        } else if (op instanceof FlashOperation.PageErase e) {
            flash.corruptPage(e.page(), undefinedBits);
        } else if (op instanceof FlashOperation.MassErase m) {
            Bank erased = banks[m.bank() - 1];
            for (int page = erased.startOffset / flash.pageSize(); page < erased.endOffset / flash.pageSize(); page++) {
                flash.corruptPage(page, undefinedBits);
            }
        }
        flashEvent(() -> op.text() + " interrupted by " + why + ": affected cells are undefined");
    }

    /**
     * FLASH_ACR.LATENCY (RM0008 §3.3.3): wait states between a flash read and the prefetch buffer,
     * 0 for SYSCLK ≤ 24 MHz, 1 for ≤ 48 MHz, 2 for ≤ 72 MHz (the reserved codes 3–7 are returned as
     * written).
     */
    public int latency() {
        return acr & 7;
    }

    /** FLASH_ACR.HLFCYA: half-cycle flash access, only meant for SYSCLK ≤ 8 MHz from HSI or HSE. */
    public boolean halfCycleAccess() {
        return (acr & 1 << 3) != 0;
    }

    /** FLASH_ACR.PRFTBE (PRFTBS follows it): the two 64-bit prefetch buffers are in use; on after reset. */
    public boolean prefetchEnabled() {
        return (acr & 1 << 4) != 0;
    }

    public boolean readProtectionActive() {
        return (obr & 0b10) != 0;
    }

    int obr() {
        return obr;
    }

    int wrpr() {
        return wrpr;
    }

    // ---------------------------------------------------------------- BSY

    private void settle(Bank bank) {
        if (bank.pending != null && clock.nanos() >= bank.busyUntil) {
            FlashOperation op = bank.pending;
            bank.pending = null;
            apply(op);
            bank.sr |= SR_EOP;
            if (tracer.active()) {                 // no capturing lambda per half-word when nobody listens
                tracer.emit(() -> new SimTraceEvent.FlashEvent(bank.busyUntil, "done: " + op.text() + ", EOP set"));
            }
        }
    }

    private void apply(FlashOperation op) {
        if (op instanceof FlashOperation.Program p) {
            flash.programHalfWord(p.offset(), p.value() & flash.halfWord(p.offset()));
        } else if (op instanceof FlashOperation.PageErase e) {
            flash.erasePage(e.page());
        } else if (op instanceof FlashOperation.MassErase m) {
            flash.eraseRange(banks[m.bank() - 1].startOffset, banks[m.bank() - 1].endOffset);
        } else if (op instanceof FlashOperation.OptionErase) {
            optionBytes.erase();
        } else if (op instanceof FlashOperation.OptionProgram o) {
            if (o.massEraseFirst()) {
                flash.eraseRange(0, flash.size());
            }
            optionBytes.store(o.slot(), o.value());
        }
    }

    private void start(Bank bank, FlashOperation op, long duration) {
        bank.pending = op;
        bank.busyUntil = clock.nanos() + duration;
        if (tracer.active()) {
            flashEvent(() -> op.text() + ", BSY for " + SimTimes.format(duration));
        }
    }

    /**
     * A bus access that must wait for BSY: the stall is simulated time (facts §B.3, §B.4). Hot callers
     * check {@code busy()} first so that no trace text (not even its supplier) is made per access.
     */
    private void stall(Bank bank, Supplier<String> what) {
        if (bank.busy()) {
            long waited = bank.busyUntil - clock.nanos();
            clock.advanceTo(bank.busyUntil);
            if (tracer.active()) {
                flashEvent(() -> what.get() + " stalled " + SimTimes.format(waited) + " until BSY cleared");
            }
            settle(bank);
        }
    }

    /**
     * {@link #stall(Bank, Supplier)} for a flash access at {@code address}, its trace text ({@code format}
     * with the address) made only when traced: back-to-back half-word programming stalls on every write.
     */
    private void stallAt(Bank bank, String format, int address) {
        stall(bank, tracer.active() ? () -> String.format(format, address) : NO_TEXT);
    }

    /** True when a register write at this FPEC offset would stall now (its bank is busy). */
    boolean registerWriteStalls(int offset) {
        boolean second = offset >= BANK2_OFFSET && banks.length > 1;
        int reg = second ? offset - BANK2_OFFSET : offset;
        return reg != KEYR && reg != OPTKEYR && (second ? banks[1] : banks[0]).busy();
    }

    /** True when no bank is busy: flash reads complete at once. */
    boolean idle() {
        for (Bank bank : banks) {
            if (bank.busy()) {
                return false;
            }
        }
        return true;
    }

    /** True while the bank holding this flash offset is busy (the bus would stall). */
    boolean busyAt(int flashOffset) {
        return bankOf(flashOffset).busy();
    }

    // ---------------------------------------------------------------- register access

    @Override
    public int read(int offset, int size, BusMaster master) {
        int word = offset & ~3;
        return readRegister(word) >>> (8 * (offset & 3)) & sizeMask(size);
    }

    private int readRegister(int offset) {
        Bank bank = offset >= BANK2_OFFSET && banks.length > 1 ? banks[1] : banks[0];
        int reg = offset >= BANK2_OFFSET && banks.length > 1 ? offset - BANK2_OFFSET : offset;
        if (offset >= BANK2_OFFSET && banks.length == 1) {
            return 0;
        }
        return switch (reg) {
            case ACR -> bank.number == 1 ? acr | (acr & 0x10) << 1 : 0;
            case SR -> statusRegister(bank);
            case CR -> bank.cr | (bank.busy() && isErase(bank.pending) ? CR_STRT : 0);
            case AR -> bank.ar;
            case OBR -> bank.number == 1 ? obr : 0;
            case WRPR -> bank.number == 1 ? wrpr : 0;
            default -> 0; // KEYR, OPTKEYR are write-only and read 0 (PM0075 §3)
        };
    }

    /**
     * FLASH_SR as one read sees it: an operation that has finished by now is settled <em>before</em>
     * the flags are sampled, so the read that first shows BSY=0 also shows EOP (facts §B.4, §B.5).
     */
    private static int statusRegister(Bank bank) {
        boolean busy = bank.busy();
        return bank.sr | (busy ? SR_BSY : 0);
    }

    private static boolean isErase(FlashOperation op) {
        return op instanceof FlashOperation.PageErase || op instanceof FlashOperation.MassErase || op instanceof FlashOperation.OptionErase;
    }

    @Override
    public void write(int offset, int size, int value, BusMaster master) {
        int address = BASE + offset;
        if (size != 4 || (offset & 3) != 0) {
            throw new BusFaultException(address, "FPEC registers are written as 32-bit words (PM0075 §3)");
        }
        boolean second = offset >= BANK2_OFFSET;
        if (second && banks.length == 1) {
            throw new BusFaultException(address, "no bank-2 FPEC registers on a " + profile.density() + " density part");
        }
        Bank bank = second ? banks[1] : banks[0];
        int reg = second ? offset - BANK2_OFFSET : offset;
        if (reg != KEYR && reg != OPTKEYR && bank.busy()) {
            stall(bank, () -> "FLASH_" + bank.reg(regName(reg)) + " write");
        }
        switch (reg) {
            case ACR -> {
                if (!second) {
                    acr = value & 0x1F;
                }
            }
            case KEYR -> writeKey(bank, address, value);
            case OPTKEYR -> {
                if (!second) {
                    writeOptionKey(bank, address, value);
                }
            }
            case SR -> bank.sr &= ~(value & SR_W1C);
            case CR -> writeControl(bank, value, master);
            case AR -> bank.ar = value;
            default -> { } // OBR, WRPR read-only
        }
    }

    private static String regName(int reg) {
        return switch (reg) {
            case ACR -> "ACR";
            case KEYR -> "KEYR";
            case OPTKEYR -> "OPTKEYR";
            case SR -> "SR";
            case CR -> "CR";
            case AR -> "AR";
            case OBR -> "OBR";
            case WRPR -> "WRPR";
            default -> "reserved";
        };
    }

    private void writeKey(Bank bank, int address, int value) {
        if (bank.lockedUntilReset) {
            throw new BusFaultException(address, "FPEC bank " + bank.number
                    + " is locked until reset after a wrong key (PM0075 §2.3.1)");
        }
        if (bank.keyStage == 0 && value == KEY1) {
            bank.keyStage = 1;
        } else if (bank.keyStage == 1 && value == KEY2) {
            bank.keyStage = 0;
            if (bank.locked()) {
                bank.cr &= ~CR_LOCK;
                flashEvent(() -> "FPEC bank " + bank.number + " unlocked");
            }
        } else {
            bank.lockUntilReset(address, String.format("wrong key 0x%08X in FLASH_%s (expected %s)", value,
                    bank.reg("KEYR"), bank.keyStage == 0 ? "KEY1 0x45670123" : "KEY2 0xCDEF89AB"));
        }
    }

    private void writeOptionKey(Bank bank, int address, int value) {
        if (bank.lockedUntilReset) {
            throw new BusFaultException(address, "FPEC is locked until reset after a wrong key (PM0075 §2.3.1)");
        }
        if (bank.locked()) {
            flashEvent(() -> "FLASH_OPTKEYR write ignored: FLASH_CR is locked (unlock with FLASH_KEYR first)");
            return;
        }
        int stage = bank.keyStage >> 4;
        if (stage == 0 && value == KEY1) {
            bank.keyStage = 1 << 4;
        } else if (stage == 1 && value == KEY2) {
            bank.keyStage = 0;
            bank.cr |= CR_OPTWRE;
            flashEvent(() -> "option bytes write-enabled (OPTWRE)");
        } else {
            bank.lockUntilReset(address, String.format("wrong key 0x%08X in FLASH_OPTKEYR", value));
        }
    }

    private void writeControl(Bank bank, int value, BusMaster master) {
        if (bank.locked()) {
            flashEvent(() -> "FLASH_" + bank.reg("CR") + " write ignored: LOCK is set");
            return;
        }
        int writable = bank.number == 1 ? CR_WRITABLE : CR_WRITABLE & ~(CR_OPTPG | CR_OPTER);
        int optwre = bank.number == 1 && (value & CR_OPTWRE) != 0 ? bank.cr & CR_OPTWRE : 0;
        bank.cr = value & writable | optwre;
        if ((value & CR_LOCK) != 0) {
            bank.cr |= CR_LOCK;
            bank.keyStage = 0;
            flashEvent(() -> "FPEC bank " + bank.number + " locked");
            return;
        }
        if ((value & CR_STRT) != 0) {
            startErase(bank, master);
        }
    }

    private void startErase(Bank bank, BusMaster master) {
        if ((bank.cr & CR_MER) != 0) {
            if (refusedInDebug(master, bank, "mass erase")) {
                return;
            }
            for (int page = bank.startOffset / flash.pageSize(); page < bank.endOffset / flash.pageSize(); page++) {
                if (pageWriteProtected(page)) {
                    int protectedPage = page;
                    refuse(bank, SR_WRPRTERR, () -> "WRPRTERR: mass erase refused, page " + protectedPage + " is write-protected");
                    return;
                }
            }
            start(bank, new FlashOperation.MassErase(bank.number), timing.massEraseNanos());
        } else if ((bank.cr & CR_PER) != 0) {
            long offset = Integer.toUnsignedLong(bank.ar) - SimProfile.FLASH_BASE;
            if (offset < bank.startOffset || offset >= bank.endOffset) {
                flashEvent(() -> String.format("page erase: FLASH_%s 0x%08X is not in bank %d, nothing erased",
                        bank.reg("AR"), bank.ar, bank.number));
                start(bank, new FlashOperation.EraseOutsideBank(), timing.pageEraseNanos());
                return;
            }
            int page = (int) offset / flash.pageSize();
            if (refusedInDebug(master, bank, "page erase")) {
                return;
            }
            if (pageWriteProtected(page) || cpuProtectedPage(page)) {
                refuse(bank, SR_WRPRTERR, () -> String.format("WRPRTERR: page at 0x%08X is write-protected",
                        SimProfile.FLASH_BASE + page * flash.pageSize()));
                return;
            }
            start(bank, new FlashOperation.PageErase(page, SimProfile.FLASH_BASE + page * flash.pageSize()), timing.pageEraseNanos());
        } else if ((bank.cr & CR_OPTER) != 0) {
            if ((bank.cr & CR_OPTWRE) == 0) {
                flashEvent(() -> "option erase ignored: OPTWRE not set (write FLASH_OPTKEYR first)");
                return;
            }
            start(bank, new FlashOperation.OptionErase(), timing.pageEraseNanos());
        }
    }

    private void refuse(Bank bank, int errorBit, Supplier<String> text) {
        bank.sr |= errorBit;
        flashEvent(text);
    }

    /**
     * §B.6: program/erase "in debug mode" is refused while read protection is active. Register
     * writes by the debugger, by firmware while a debugger is attached, or by code not booted from
     * flash all count as debug mode (the chip's debug context decides).
     */
    private boolean refusedInDebug(BusMaster master, Bank bank, String what) {
        if (readProtectionActive() && debugContext.test(master)) {
            refuse(bank, SR_PGERR, () -> "PGERR: " + what + " refused, read-out protection is active in debug mode (PM0075 §2.4.1)");
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- main flash and option bytes

    private Bank bankOf(int flashOffset) {
        return banks.length > 1 && flashOffset >= banks[1].startOffset ? banks[1] : banks[0];
    }

    /** A read of main flash at {@code offset} from the flash base. */
    int readFlash(int offset, int size, BusMaster master) {
        if (readProtectionActive() && debugContext.test(master)) {
            throw new BusFaultException(SimProfile.FLASH_BASE + offset,
                    "flash is read-protected (RDP set): debug reads are refused; remove RDP with an option-byte erase (PM0075 §2.4.1)");
        }
        Bank bank = bankOf(offset);
        if (bank.busy()) {
            stallAt(bank, "flash read at 0x%08X", SimProfile.FLASH_BASE + offset);
        }
        return flash.read(offset, size);
    }

    /** A write of main flash: programming when PG is set (facts §B.4). */
    void writeFlash(int offset, int size, int value, BusMaster master) {
        int address = SimProfile.FLASH_BASE + offset;
        Bank bank = bankOf(offset);
        if ((bank.cr & CR_PG) == 0 || bank.locked()) {
            flashEvent(() -> String.format("flash write at 0x%08X ignored: FLASH_%s.PG is not set", address, bank.reg("CR")));
            return;
        }
        if (size != 2) {
            throw new BusFaultException(address, size * 8 + "-bit write to flash while PG is set: only half-words can be programmed (PM0075 §2.3.3)");
        }
        if (bank.busy()) {
            if (profile.dropsHalfWordWrittenWhileBusy()) {
                flashEvent(() -> String.format("half-word 0x%04X for 0x%08X LOST: written while BSY (%s quirk; PM0075 §2.3.3 waits on BSY)",
                        value & 0xFFFF, address, profile.name()));
                return;
            }
            stallAt(bank, "flash write at 0x%08X", address);
        }
        int page = offset / flash.pageSize();
        if (readProtectionActive() && debugContext.test(master)) {
            refuse(bank, SR_PGERR, () -> String.format("PGERR: program 0x%08X refused, read-out protection is active in debug mode (PM0075 §2.4.1)", address));
            return;
        }
        if (pageWriteProtected(page) || cpuProtectedPage(page)) {
            refuse(bank, SR_WRPRTERR, () -> String.format("WRPRTERR: 0x%08X is in a write-protected page", address));
            return;
        }
        int old = flash.halfWord(offset);
        int half = value & 0xFFFF;
        if (old != 0xFFFF && half != 0) {
            refuse(bank, SR_PGERR, () -> String.format("PGERR: 0x%08X holds 0x%04X, not erased; 0x%04X not written", address, old, half));
            return;
        }
        start(bank, new FlashOperation.Program(offset, half), timing.programNanos());
    }

    /** Reads of the option-byte area wait for an option operation in flight. */
    int readOptionBytes(int offset, int size) {
        stall(banks[0], () -> "option-byte read");
        return optionBytes.read(offset, size);
    }

    /** A write to 0x1FFF_F800..0x1FFF_F80F: option-byte programming (facts §B.5). */
    void writeOptionBytes(int offset, int size, int value, BusMaster master) {
        int address = OptionBytes.BASE + offset;
        Bank bank = banks[0];
        if ((bank.cr & (CR_OPTPG | CR_OPTWRE)) != (CR_OPTPG | CR_OPTWRE) || bank.locked()) {
            flashEvent(() -> String.format("option-byte write at 0x%08X ignored: needs OPTPG and OPTWRE", address));
            return;
        }
        if (size != 2) {
            throw new BusFaultException(address, "option bytes are programmed as half-words (PM0075 §2.3.5)");
        }
        stall(bank, () -> "option-byte write");
        int slot = offset / 2;
        if (optionBytes.slot(slot) != 0xFFFF) {
            refuse(bank, SR_WRPRTERR, () -> String.format("WRPRTERR: option half-word 0x%08X is not erased (PM0075 §2.3.5)", address));
            return;
        }
        int byteValue = value & 0xFF;
        boolean removeRdp = slot == 0 && byteValue == OptionBytes.RDP_UNPROTECTED && readProtectionActive();
        long duration = timing.programNanos() + (removeRdp ? timing.massEraseNanos() : 0);
        start(bank, new FlashOperation.OptionProgram(slot, byteValue, removeRdp), duration);
    }

    // ---------------------------------------------------------------- protection

    /** WRPR bit = 0 protects its block of pages (facts §B.7); HD/XL bit 31 covers the rest. */
    boolean pageWriteProtected(int page) {
        int block = page / profile.density().pagesPerWrpBit();
        if (profile.density().lastWrpBitCoversRest()) {
            block = Math.min(block, 31);
        } else if (block > 31) {
            return false;
        }
        return (wrpr >>> block & 1) == 0;
    }

    /** With RDP active, firmware cannot program/erase the first 4 KB (facts §B.6). */
    private boolean cpuProtectedPage(int page) {
        return readProtectionActive() && page * flash.pageSize() < 4096;
    }

    /** The text is built only when a listener is attached: flash accesses are the simulator's hot path. */
    private void flashEvent(Supplier<String> text) {
        if (tracer.active()) {
            tracer.emit(() -> new SimTraceEvent.FlashEvent(clock.nanos(), text.get()));
        }
    }

    private static int sizeMask(int size) {
        return size == 4 ? -1 : (1 << (8 * size)) - 1;
    }
}
