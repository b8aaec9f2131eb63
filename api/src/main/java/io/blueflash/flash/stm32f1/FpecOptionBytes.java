package io.blueflash.flash.stm32f1;

import static io.blueflash.flash.stm32f1.FpecRegisters.*;

import io.blueflash.flash.FlashOperationException;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.PollBudget;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import java.util.Objects;

/**
 * Rewrites the option bytes through the FPEC registers (facts §B.5): in one bank-1 session
 * ({@link FpecBank}: CR unlocked with KEY1/KEY2, stale flags cleared, LOCK set again in
 * {@code finally} on every path) it writes KEY1/KEY2 to OPTKEYR (OPTWRE), erases the option block
 * (CR = OPTER|OPTWRE, then OPTER|STRT|OPTWRE, wait BSY), then sets OPTPG|OPTWRE and programs every
 * slot as the half-word value|~value&lt;&lt;8 at 0x1FFF_F800+2n, waiting for BSY and checking
 * PGERR/WRPRTERR after each. All eight slots are written, so USER, Data and WRP survive the erase
 * unless the caller changed them.
 *
 * <p>Programming RDP = 0xA5 on a protected chip makes the FPEC mass-erase main flash first
 * (facts §B.6). FLASH_OBR / FLASH_WRPR, and so the protection in force, change only when the
 * option bytes are reloaded by a reset or power cycle (facts §A.3, §B.7).
 */
public final class FpecOptionBytes {

    /** Option erase ≈ t_ERASE; the RDP slot on a protected chip includes a mass erase (t_ME). */
    public static final PollBudget BUDGET = FpecFlashAlgorithm.ERASE_BUDGET;

    private final MemoryAccess memory;
    private final FlashGeometry geometry;
    private final PollBudget budget;

    public FpecOptionBytes(MemoryAccess memory, FlashGeometry geometry) {
        this(memory, geometry, BUDGET);
    }

    public FpecOptionBytes(MemoryAccess memory, FlashGeometry geometry, PollBudget budget) {
        this.memory = Objects.requireNonNull(memory, "'memory' must not be null");
        this.geometry = Objects.requireNonNull(geometry, "'geometry' must not be null");
        this.budget = Objects.requireNonNull(budget, "'budget' must not be null");
    }

    /** The stored option bytes (readable even on a read-protected chip: they are not main flash). */
    public OptionByteImage read() {
        return OptionByteImage.decode(memory.readBlock(OptionByteImage.BASE, OptionByteImage.SIZE));
    }

    /** Erases the option block and programs {@code image} into it (see the class comment). */
    public void program(OptionByteImage image) {
        Objects.requireNonNull(image, "'image' must not be null");
        FpecBank bank = new FpecBank(memory, geometry, geometry.baseAddress());
        bank.session("option-byte write", budget, () -> {
            enableOptionWrites(bank);
            bank.write(CR, CR_OPTER | CR_OPTWRE);
            bank.write(CR, CR_OPTER | CR_STRT | CR_OPTWRE);
            check(bank.waitNotBusy(budget, "option-byte erase"), "option-byte erase", false);
            bank.write(CR, CR_OPTPG | CR_OPTWRE);
            for (int slot = 0; slot < OptionByteImage.SIZE / 2; slot++) {
                int address = OptionByteImage.BASE + 2 * slot;
                String what = String.format("programming option half-word 0x%04X at 0x%08X", image.halfWord(slot), address);
                bank.write(SR, SR_CLEAR_ALL);
                memory.write16(address, image.halfWord(slot));
                check(bank.waitNotBusy(budget, what), what, true);
            }
        }); // the session clears OPTPG/OPTWRE (CR = 0) and sets LOCK
    }

    /** OPTKEYR KEY1, KEY2 (facts §B.2); OPTWRE must read back set. */
    private void enableOptionWrites(FpecBank bank) {
        try {
            bank.write(OPTKEYR, KEY1);
            bank.write(OPTKEYR, KEY2);
        } catch (MemoryFaultException busError) {
            throw new FlashOperationException("FLASH_OPTKEYR refused the KEY1/KEY2 sequence (bus error): the FPEC is "
                    + "locked until the next reset (PM0075 §2.3.1). Reset the target and retry", busError);
        }
        if ((bank.read(CR) & CR_OPTWRE) == 0) {
            throw new FlashOperationException("FLASH_CR.OPTWRE stays clear after KEY1/KEY2 in FLASH_OPTKEYR (PM0075 §2.3.1): "
                    + "the option bytes cannot be written. Reset the target and retry");
        }
    }

    private static void check(int sr, String what, boolean afterErase) {
        if ((sr & (SR_PGERR | SR_WRPRTERR)) == 0) {
            return;
        }
        String flag = (sr & SR_WRPRTERR) != 0 ? "WRPRTERR" : "PGERR";
        throw new FlashOperationException(String.format("%s failed with %s (FLASH_SR=0x%08X; PM0075 §2.3.5)%s", what, flag,
                sr, afterErase
                        ? ". The option block is now erased or partly written, which reads as READ-PROTECTED after "
                                + "the next reset: do not reset or power-cycle the board, run the same command again"
                        : ". Nothing was changed; reset the target and retry"));
    }
}
