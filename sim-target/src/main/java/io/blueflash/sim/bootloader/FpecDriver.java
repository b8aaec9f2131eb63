package io.blueflash.sim.bootloader;

import static io.blueflash.sim.chip.FlashController.BANK2_OFFSET;
import static io.blueflash.sim.chip.FlashController.CR_LOCK;
import static io.blueflash.sim.chip.FlashController.CR_MER;
import static io.blueflash.sim.chip.FlashController.CR_OPTER;
import static io.blueflash.sim.chip.FlashController.CR_OPTPG;
import static io.blueflash.sim.chip.FlashController.CR_OPTWRE;
import static io.blueflash.sim.chip.FlashController.CR_PER;
import static io.blueflash.sim.chip.FlashController.CR_PG;
import static io.blueflash.sim.chip.FlashController.CR_STRT;
import static io.blueflash.sim.chip.FlashController.FLASH_AR;
import static io.blueflash.sim.chip.FlashController.FLASH_CR;
import static io.blueflash.sim.chip.FlashController.FLASH_KEYR;
import static io.blueflash.sim.chip.FlashController.FLASH_OBR;
import static io.blueflash.sim.chip.FlashController.FLASH_OPTKEYR;
import static io.blueflash.sim.chip.FlashController.FLASH_SR;
import static io.blueflash.sim.chip.FlashController.KEY1;
import static io.blueflash.sim.chip.FlashController.KEY2;
import static io.blueflash.sim.chip.FlashController.SR_BSY;
import static io.blueflash.sim.chip.FlashController.SR_EOP;
import static io.blueflash.sim.chip.FlashController.SR_PGERR;
import static io.blueflash.sim.chip.FlashController.SR_WRPRTERR;

import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.chip.SimProfile;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.bus.SystemBus;

/**
 * What the ROM bootloader's code does with the flash controller (RM0008 FPEC, facts §B), as CPU
 * bus accesses: unlock with KEY1/KEY2, one operation bit, STRT, poll FLASH_SR.BSY, check
 * PGERR/WRPRTERR, and relock on every exit path. The register addresses are the manual's; the
 * chip model decides what each access does and how long BSY lasts.
 */
final class FpecDriver {


    private final SystemBus bus;
    private final SimClock clock;
    private final long pollNanos;
    private final boolean dualBank;

    FpecDriver(SystemBus bus, SimClock clock, long pollNanos, boolean dualBank) {
        this.bus = bus;
        this.clock = clock;
        this.pollNanos = pollNanos;
        this.dualBank = dualBank;
    }

    /** FLASH_OBR.RDPRT: read protection as loaded at the last reset (facts §A.3). */
    boolean readProtectionActive() {
        return (bus.read(FLASH_OBR, 4) & 0b10) != 0;
    }

    /**
     * Programs {@code data} (a multiple of 2 bytes) at {@code address} in half-words. A PGERR (not
     * erased) fails the block; WRPRTERR is cleared and ignored, as the ROM does (facts §E.3).
     */
    boolean program(int address, byte[] data) {
        int bank = bankOffset(address);
        try {
            unlock(bank);
            clearErrors(bank);
            bus.write(FLASH_CR + bank, 4, CR_PG);
            for (int i = 0; i < data.length; i += 2) {
                int bankHere = bankOffset(address + i);
                if (bankHere != bank) {
                    bus.write(FLASH_CR + bank, 4, 0);
                    relock(bank);
                    bank = bankHere;
                    unlock(bank);
                    clearErrors(bank);
                    bus.write(FLASH_CR + bank, 4, CR_PG);
                }
                bus.write(address + i, 2, (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8);
                int sr = waitWhileBusy(bank);
                if ((sr & SR_PGERR) != 0) {
                    return false;
                }
                if ((sr & SR_WRPRTERR) != 0) {
                    clearErrors(bank);
                }
            }
            return true;
        } catch (BusFaultException e) {
            return false;
        } finally {
            finish(bank);
        }
    }

    /** PER, FLASH_AR, STRT (facts §B.5). */
    boolean erasePage(int pageAddress) {
        int bank = bankOffset(pageAddress);
        try {
            unlock(bank);
            clearErrors(bank);
            bus.write(FLASH_CR + bank, 4, CR_PER);
            bus.write(FLASH_AR + bank, 4, pageAddress);
            bus.write(FLASH_CR + bank, 4, CR_PER | CR_STRT);
            return (waitWhileBusy(bank) & (SR_PGERR | SR_WRPRTERR)) == 0;
        } catch (BusFaultException e) {
            return false;
        } finally {
            finish(bank);
        }
    }

    /** MER, STRT on each bank (facts §B.5). */
    boolean massErase() {
        boolean ok = true;
        for (int bank : dualBank ? new int[] {0, BANK2_OFFSET} : new int[] {0}) {
            try {
                unlock(bank);
                clearErrors(bank);
                bus.write(FLASH_CR + bank, 4, CR_MER);
                bus.write(FLASH_CR + bank, 4, CR_MER | CR_STRT);
                ok &= (waitWhileBusy(bank) & (SR_PGERR | SR_WRPRTERR)) == 0;
            } catch (BusFaultException e) {
                ok = false;
            } finally {
                finish(bank);
            }
        }
        return ok;
    }

    /** The 16 option bytes as stored (value, complement pairs). */
    byte[] readOptionBytes() {
        byte[] options = new byte[MemoryMap.OPTION_BYTES_SIZE];
        for (int i = 0; i < options.length; i++) {
            options[i] = (byte) bus.read(MemoryMap.OPTION_BYTES + i, 1);
        }
        return options;
    }

    /**
     * FLASH_OPTKEYR, OPTER + STRT, then OPTPG and one half-word per slot given (the value byte; the
     * hardware writes the complement, facts §B.5). Takes effect at the next reset.
     */
    boolean rewriteOptionBytes(byte[] options) {
        try {
            unlock(0);
            bus.write(FLASH_OPTKEYR, 4, KEY1);
            bus.write(FLASH_OPTKEYR, 4, KEY2);
            clearErrors(0);
            bus.write(FLASH_CR, 4, CR_OPTER | CR_OPTWRE);
            bus.write(FLASH_CR, 4, CR_OPTER | CR_STRT | CR_OPTWRE);
            if ((waitWhileBusy(0) & (SR_PGERR | SR_WRPRTERR)) != 0) {
                return false;
            }
            bus.write(FLASH_CR, 4, CR_OPTPG | CR_OPTWRE);
            for (int slot = 0; slot < options.length / 2; slot++) {
                int value = options[2 * slot] & 0xFF;
                bus.write(MemoryMap.OPTION_BYTES + 2 * slot, 2, value | (~value & 0xFF) << 8);
                if ((waitWhileBusy(0) & (SR_PGERR | SR_WRPRTERR)) != 0) {
                    return false;
                }
            }
            return true;
        } catch (BusFaultException e) {
            return false;
        } finally {
            finish(0);
        }
    }

    private int bankOffset(int address) {
        return dualBank && Integer.compareUnsigned(address, SimProfile.BANK2_BASE) >= 0 ? BANK2_OFFSET : 0;
    }

    private void unlock(int bank) {
        if ((bus.read(FLASH_CR + bank, 4) & CR_LOCK) != 0) {
            bus.write(FLASH_KEYR + bank, 4, KEY1);
            bus.write(FLASH_KEYR + bank, 4, KEY2);
        }
    }

    private void clearErrors(int bank) {
        bus.write(FLASH_SR + bank, 4, SR_PGERR | SR_WRPRTERR | SR_EOP);
    }

    /** The ROM's BSY loop: every FLASH_SR read costs {@code pollNanos} of CPU time. */
    private int waitWhileBusy(int bank) {
        int sr;
        while (((sr = bus.read(FLASH_SR + bank, 4)) & SR_BSY) != 0) {
            clock.advance(pollNanos);
        }
        return sr;
    }

    /** Operation bits off, LOCK on, whatever happened (facts §B.3). */
    private void finish(int bank) {
        try {
            waitWhileBusy(bank);
            bus.write(FLASH_CR + bank, 4, 0);
        } catch (BusFaultException ignored) {
            // the FPEC is locked until reset already
        } finally {
            relock(bank);
        }
    }

    private void relock(int bank) {
        try {
            bus.write(FLASH_CR + bank, 4, CR_LOCK);
        } catch (BusFaultException ignored) {
            // locked until reset: nothing more to do
        }
    }
}
