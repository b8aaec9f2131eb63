package io.blueflash.sim.chip;

import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.bus.SystemBus;
import static io.blueflash.sim.chip.Fpec.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per FPEC rule of facts §B, on the bare chip through the CPU bus. */
class FlashControllerRulesTest {

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SystemBus bus = chip.cpuBus();
    private final Fpec fpec = new Fpec(bus);
    private final SimClock clock = chip.clock();

    @Test
    void givenReset_whenReadingFpec_thenCrLockedAndSrClear() {
        assertThat(fpec.cr()).isEqualTo(LOCK);
        assertThat(fpec.sr()).isZero();
        assertThat(bus.read(OBR, 4)).isEqualTo(0x03FF_FFFC);
        assertThat(bus.read(WRPR, 4)).isEqualTo(0xFFFF_FFFF);
    }

    @Test
    void givenLockedFpec_whenKey1ThenKey2_thenUnlocked() {
        fpec.unlock();
        assertThat(fpec.cr() & LOCK).isZero();
    }

    @Test
    void givenLockedFpec_whenWrongKey_thenBusErrorAndLockedUntilReset() {
        assertThatThrownBy(() -> bus.write(KEYR, 4, 0x1234_5678)).isInstanceOf(BusFaultException.class)
                .hasMessageContaining("wrong key");
        assertThatThrownBy(fpec::unlock).isInstanceOf(BusFaultException.class).hasMessageContaining("until reset");
        assertThat(fpec.cr() & LOCK).isEqualTo(LOCK);
        chip.systemReset();
        fpec.unlock();
        assertThat(fpec.cr() & LOCK).isZero();
    }

    @Test
    void givenKey1_whenWrongSecondKey_thenBusErrorAndLocked() {
        bus.write(KEYR, 4, FlashController.KEY1);
        assertThatThrownBy(() -> bus.write(KEYR, 4, FlashController.KEY1)).isInstanceOf(BusFaultException.class);
        assertThatThrownBy(fpec::unlock).isInstanceOf(BusFaultException.class);
    }

    @Test
    void givenUnlockedFpec_whenCorrectKeysAgain_thenNoOp() {
        fpec.unlock();
        fpec.unlock();
        assertThat(fpec.cr() & LOCK).isZero();
    }

    @Test
    void givenUnlockedFpec_whenLockBitSet_thenLockedUntilNextKeyPair() {
        fpec.unlock();
        fpec.writeCr(LOCK);
        assertThat(fpec.cr() & LOCK).isEqualTo(LOCK);
        fpec.writeCr(PG);
        assertThat(fpec.cr()).isEqualTo(LOCK);
        fpec.unlock();
        assertThat(fpec.cr() & LOCK).isZero();
    }

    @Test
    void givenPg_whenHalfWordWritten_thenProgrammedAfterTprogWithEop() {
        fpec.unlock();
        fpec.writeCr(PG);
        long start = clock.nanos();
        bus.write(FLASH, 2, 0x1234);
        assertThat(fpec.sr() & BSY).isEqualTo(BSY);
        fpec.waitWhileBusy(clock);
        assertThat(clock.nanos() - start).isBetween(52_500L, 53_500L);
        assertThat(fpec.sr()).isEqualTo(EOP);
        assertThat(bus.read(FLASH, 2)).isEqualTo(0x1234);
    }

    @Test
    void givenProgramInFlight_whenSrReadThatFirstSeesBsyClear_thenSameReadShowsEop() {
        fpec.unlock();
        fpec.writeCr(PG);
        bus.write(FLASH, 2, 0x1234);
        int sr;
        do {
            clock.advance(1_000);
            sr = fpec.sr();
        } while ((sr & BSY) != 0);
        assertThat(sr).isEqualTo(EOP);
    }

    @Test
    void givenPageEraseInFlight_whenSrReadThatFirstSeesBsyClear_thenSameReadShowsEop() {
        fpec.unlock();
        fpec.writeCr(PER);
        bus.write(AR, 4, FLASH);
        fpec.writeCr(PER | STRT);
        assertThat(fpec.sr()).isEqualTo(BSY);
        clock.advance(chip.flashTiming().pageEraseNanos());
        assertThat(fpec.sr()).isEqualTo(EOP);
    }

    @Test
    void givenPg_whenWordOrByteWritten_thenBusErrorAndNothingProgrammed() {
        fpec.unlock();
        fpec.writeCr(PG);
        assertThatThrownBy(() -> bus.write(FLASH, 4, 0x1234_5678)).isInstanceOf(BusFaultException.class)
                .hasMessageContaining("half-words");
        assertThatThrownBy(() -> bus.write(FLASH + 2, 1, 0x12)).isInstanceOf(BusFaultException.class);
        assertThat(bus.read(FLASH, 4)).isEqualTo(0xFFFF_FFFF);
    }

    @Test
    void givenNoPg_whenFlashWritten_thenIgnored() {
        fpec.unlock();
        bus.write(FLASH, 2, 0x1234);
        assertThat(bus.read(FLASH, 2)).isEqualTo(0xFFFF);
        assertThat(fpec.sr()).isZero();
    }

    @Test
    void givenProgrammedHalfWord_whenProgrammedAgain_thenPgerrAndUnchanged() {
        fpec.unlock();
        fpec.program(FLASH, 0x1234, clock);
        fpec.clearFlags();
        fpec.program(FLASH, 0x0034, clock);
        assertThat(fpec.sr() & PGERR).isEqualTo(PGERR);
        assertThat(fpec.sr() & EOP).isZero();
        assertThat(bus.read(FLASH, 2)).isEqualTo(0x1234);
    }

    @Test
    void givenProgrammedHalfWord_whenZeroWritten_thenProgrammedWithoutError() {
        fpec.unlock();
        fpec.program(FLASH, 0x1234, clock);
        fpec.clearFlags();
        fpec.program(FLASH, 0x0000, clock);
        assertThat(fpec.sr()).isEqualTo(EOP);
        assertThat(bus.read(FLASH, 2)).isZero();
    }

    @Test
    void givenFlags_whenOnesWrittenToSr_thenCleared() {
        fpec.unlock();
        fpec.program(FLASH, 0x1234, clock);
        fpec.program(FLASH, 0x1111, clock);
        assertThat(fpec.sr()).isEqualTo(PGERR | EOP);
        bus.write(SR, 4, EOP);
        assertThat(fpec.sr()).isEqualTo(PGERR);
        bus.write(SR, 4, PGERR);
        assertThat(fpec.sr()).isZero();
    }

    @Test
    void givenBusy_whenFlashRead_thenStallsUntilBsyClears() {
        fpec.unlock();
        fpec.writeCr(PG);
        bus.write(FLASH, 2, 0x1234);
        long start = clock.nanos();
        assertThat(bus.read(FLASH, 2)).isEqualTo(0x1234);
        assertThat(clock.nanos() - start).isEqualTo(52_500L);
        assertThat(fpec.sr() & BSY).isZero();
    }

    @Test
    void givenBusy_whenSecondHalfWordWritten_thenStallsAndBothProgrammed() {
        fpec.unlock();
        fpec.writeCr(PG);
        long start = clock.nanos();
        bus.write(FLASH, 2, 0x1111);
        bus.write(FLASH + 2, 2, 0x2222);
        fpec.waitWhileBusy(clock);
        assertThat(clock.nanos() - start).isGreaterThanOrEqualTo(2 * 52_500L);
        assertThat(bus.read(FLASH, 4)).isEqualTo(0x2222_1111);
    }

    @Test
    void givenApm32_whenSecondHalfWordWrittenWhileBusy_thenLost() {
        Stm32F103 apm = Stm32F103.create("apm32f103c8");
        Fpec apmFpec = new Fpec(apm.cpuBus());
        apmFpec.unlock();
        apmFpec.writeCr(PG);
        apm.cpuBus().write(FLASH, 2, 0x1111);
        apm.cpuBus().write(FLASH + 2, 2, 0x2222);
        apmFpec.waitWhileBusy(apm.clock());
        assertThat(apm.cpuBus().read(FLASH, 4)).isEqualTo(0xFFFF_1111);
    }

    @Test
    void givenBusy_whenFpecRegisterWritten_thenStallsUntilBsyClears() {
        fpec.unlock();
        fpec.writeCr(PG);
        bus.write(FLASH, 2, 0x1234);
        long start = clock.nanos();
        fpec.writeCr(0);
        assertThat(clock.nanos() - start).isEqualTo(52_500L);
        assertThat(fpec.sr()).isEqualTo(EOP);
    }

    @Test
    void givenPer_whenStrt_thenPageErasedAfterTerase() {
        fpec.unlock();
        fpec.program(FLASH + 0x400, 0x1234, clock);
        fpec.program(FLASH + 0x7FE, 0x5678, clock);
        fpec.program(FLASH + 0x800, 0x9ABC, clock);
        long start = clock.nanos();
        fpec.writeCr(PER);
        bus.write(AR, 4, FLASH + 0x555);
        fpec.writeCr(PER | STRT);
        assertThat(fpec.cr() & STRT).isEqualTo(STRT);
        fpec.waitWhileBusy(clock);
        assertThat(clock.nanos() - start).isBetween(30_000_000L, 30_002_000L);
        assertThat(bus.read(FLASH + 0x400, 2)).isEqualTo(0xFFFF);
        assertThat(bus.read(FLASH + 0x7FE, 2)).isEqualTo(0xFFFF);
        assertThat(bus.read(FLASH + 0x800, 2)).isEqualTo(0x9ABC);
        assertThat(fpec.cr() & STRT).isZero();
    }

    @Test
    void givenMer_whenStrt_thenMainFlashErasedButNotInformationBlock() {
        fpec.unlock();
        fpec.program(FLASH, 0x1234, clock);
        fpec.program(FLASH + 0x1FFFE, 0x5678, clock);
        long start = clock.nanos();
        fpec.massErase(clock);
        assertThat(clock.nanos() - start).isBetween(30_000_000L, 30_002_000L);
        assertThat(bus.read(FLASH, 2)).isEqualTo(0xFFFF);
        assertThat(bus.read(FLASH + 0x1FFFE, 2)).isEqualTo(0xFFFF);
        assertThat(bus.read(OptionBytes.BASE, 2)).isEqualTo(0x5AA5);
    }

    @Test
    void givenTimingCorner_whenProgramming_thenBsyHeldForThatCorner() {
        chip.setFlashTiming(TimingCorner.MAX);
        fpec.unlock();
        fpec.writeCr(PG);
        bus.write(FLASH, 2, 0x1);
        long start = clock.nanos();
        bus.read(FLASH, 2);
        assertThat(clock.nanos() - start).isEqualTo(70_000L);
    }

    @Test
    void givenWriteProtectedPage_whenProgrammedOrErased_thenWrprterrAndUnchanged() {
        setOptionByte(OptionBytes.BASE + 8, 0xFE); // WRP0 bit 0 = 0: pages 0-3 protected
        chip.systemReset();
        assertThat(bus.read(WRPR, 4)).isEqualTo(0xFFFF_FFFE);
        fpec.unlock();
        fpec.program(FLASH + 0xC00, 0x1234, clock);
        assertThat(fpec.sr() & WRPRTERR).isEqualTo(WRPRTERR);
        assertThat(bus.read(FLASH + 0xC00, 2)).isEqualTo(0xFFFF);
        fpec.clearFlags();
        fpec.program(FLASH + 0x1000, 0x1234, clock);
        assertThat(fpec.sr()).isEqualTo(EOP);
        fpec.clearFlags();
        fpec.erasePage(FLASH, clock);
        assertThat(fpec.sr() & WRPRTERR).isEqualTo(WRPRTERR);
    }

    @Test
    void givenOptionBytesProgrammed_whenNoReset_thenObrAndWrprUnchanged() {
        setOptionByte(OptionBytes.BASE + 8, 0x00);
        assertThat(bus.read(WRPR, 4)).isEqualTo(0xFFFF_FFFF);
        chip.systemReset();
        assertThat(bus.read(WRPR, 4)).isEqualTo(0xFFFF_FF00);
    }

    @Test
    void givenOptionErase_whenProgrammingHalfWord_thenComplementWrittenByHardware() {
        fpec.unlock();
        fpec.unlockOptions();
        assertThat(fpec.cr() & OPTWRE).isEqualTo(OPTWRE);
        fpec.eraseOptionBytes(clock);
        assertThat(bus.read(OptionBytes.BASE, 4)).isEqualTo(0xFFFF_FFFF);
        fpec.programOption(OptionBytes.BASE, 0x00A5, clock);
        fpec.programOption(OptionBytes.BASE + 4, 0x0042, clock);
        assertThat(bus.read(OptionBytes.BASE, 2)).isEqualTo(0x5AA5);
        assertThat(bus.read(OptionBytes.BASE + 4, 2)).isEqualTo(0xBD42);
    }

    @Test
    void givenProgrammedOptionHalfWord_whenProgrammedAgain_thenWrprterr() {
        fpec.unlock();
        fpec.unlockOptions();
        fpec.programOption(OptionBytes.BASE + 4, 0x0042, clock);
        assertThat(fpec.sr() & WRPRTERR).isEqualTo(WRPRTERR);
        assertThat(bus.read(OptionBytes.BASE + 4, 2)).isEqualTo(0x00FF);
    }

    @Test
    void givenNoOptwre_whenOptionErase_thenIgnored() {
        fpec.unlock();
        fpec.writeCr(OPTER);
        fpec.writeCr(OPTER | STRT);
        assertThat(fpec.sr() & BSY).isZero();
        assertThat(bus.read(OptionBytes.BASE, 2)).isEqualTo(0x5AA5);
    }

    @Test
    void givenLockedCr_whenOptkeyrWritten_thenIgnored() {
        bus.write(OPTKEYR, 4, FlashController.KEY1);
        bus.write(OPTKEYR, 4, FlashController.KEY2);
        assertThat(fpec.cr() & OPTWRE).isZero();
    }

    @Test
    void givenRdpSet_whenReset_thenObrRdprtAndDebugReadsOfFlashFail() {
        setOptionByte(OptionBytes.BASE, 0x00);
        assertThat(chip.isReadProtected()).isFalse();
        chip.systemReset();
        assertThat(chip.isReadProtected()).isTrue();
        assertThat(bus.read(OBR, 4) & 2).isEqualTo(2);
        assertThat(bus.read(FLASH, 4)).isEqualTo(0xFFFF_FFFF); // firmware (CPU, no debugger) still reads
        chip.setBootMode(BootMode.SYSTEM_MEMORY);
        assertThatThrownBy(() -> bus.read(FLASH, 4)).isInstanceOf(BusFaultException.class)
                .hasMessageContaining("read-protected");
    }

    @Test
    void givenRdpAndNotBootedFromFlash_whenProgramOrErase_thenRefusedWithPgerr() {
        fpec.unlock();
        fpec.program(FLASH + 0x2000, 0x1234, clock);
        setOptionByte(OptionBytes.BASE, 0x00);
        chip.setBootMode(BootMode.SYSTEM_MEMORY);
        chip.systemReset();
        fpec.unlock();
        fpec.clearFlags();
        fpec.program(FLASH + 0x2002, 0x1234, clock);
        assertThat(fpec.sr() & PGERR).isEqualTo(PGERR);
        fpec.clearFlags();
        fpec.erasePage(FLASH + 0x2000, clock);
        assertThat(fpec.sr() & PGERR).isEqualTo(PGERR);
        chip.setBootMode(BootMode.MAIN_FLASH);
        chip.systemReset();
        assertThat(bus.read(FLASH + 0x2000, 4)).isEqualTo(0xFFFF_1234);
    }

    @Test
    void givenRdpAndFirmwareFromFlash_whenProgrammingFirst4K_thenWrprterr() {
        setOptionByte(OptionBytes.BASE, 0x00);
        chip.systemReset();
        fpec.unlock();
        fpec.program(FLASH + 0xFFE, 0x1234, clock);
        assertThat(fpec.sr() & WRPRTERR).isEqualTo(WRPRTERR);
        fpec.clearFlags();
        fpec.program(FLASH + 0x1000, 0x1234, clock);
        assertThat(fpec.sr()).isEqualTo(EOP);
    }

    @Test
    void givenRdp_whenOptionEraseThenRdpA5Programmed_thenMainFlashMassErasedFirst() {
        fpec.unlock();
        fpec.program(FLASH + 0x2000, 0x1234, clock);
        setOptionByte(OptionBytes.BASE, 0x00);
        chip.systemReset();
        fpec.unlock();
        fpec.unlockOptions();
        fpec.eraseOptionBytes(clock);
        long start = clock.nanos();
        fpec.programOption(OptionBytes.BASE, 0x00A5, clock);
        assertThat(clock.nanos() - start).isGreaterThanOrEqualTo(30_000_000L);
        chip.systemReset();
        assertThat(chip.isReadProtected()).isFalse();
        assertThat(bus.read(FLASH + 0x2000, 4)).isEqualTo(0xFFFF_FFFF);
    }

    @Test
    void givenErasedOptionBytes_whenReset_thenReadProtectedAndOpterr() {
        fpec.unlock();
        fpec.unlockOptions();
        fpec.eraseOptionBytes(clock);
        chip.systemReset();
        assertThat(bus.read(OBR, 4) & 3).isEqualTo(3);
        assertThat(chip.isReadProtected()).isTrue();
    }

    @Test
    void givenXlPart_whenProgrammingBank2_thenNeedsBank2KeysAndCr2() {
        Stm32F103 xl = Stm32F103.create("stm32f103zg");
        SystemBus xbus = xl.cpuBus();
        Fpec bank1 = new Fpec(xbus);
        Fpec bank2 = new Fpec(xbus, FlashController.BANK2_OFFSET);
        int inBank2 = SimProfile.BANK2_BASE + 0x100;
        bank1.unlock();
        bank1.program(inBank2, 0x1234, xl.clock());
        assertThat(xbus.read(inBank2, 2)).isEqualTo(0xFFFF); // bank-1 PG does not program bank 2
        bank2.unlock();
        bank2.program(inBank2, 0x1234, xl.clock());
        assertThat(xbus.read(inBank2, 2)).isEqualTo(0x1234);
        assertThat(bank2.sr()).isEqualTo(EOP);
        bank2.erasePage(inBank2, xl.clock());
        assertThat(xbus.read(inBank2, 2)).isEqualTo(0xFFFF);
        bank1.program(FLASH, 0x4321, xl.clock());
        bank2.program(inBank2, 0x5678, xl.clock());
        bank1.massErase(xl.clock());
        assertThat(xbus.read(FLASH, 2)).isEqualTo(0xFFFF);
        assertThat(xbus.read(inBank2, 2)).isEqualTo(0x5678); // MER in FLASH_CR erases bank 1 only
    }

    @Test
    void givenPgSet_whenTraced_thenDecodedRegisterAndFlashEventsCarryNames() {
        List<String> lines = new ArrayList<>();
        chip.addTraceListener(event -> lines.add(event.layer() + ": " + event.text()));
        fpec.unlock();
        fpec.program(FLASH, 0x1234, clock);
        assertThat(lines).contains("bus: cpu FLASH_KEYR <- KEY1 (0x45670123)", "bus: cpu FLASH_CR <- PG",
                "bus: cpu flash 0x08000000 <- 0x1234 (16-bit)", "bus: cpu FLASH_SR -> BSY");
        assertThat(lines).anyMatch(l -> l.startsWith("flash: program 0x08000000 <- 0x1234, BSY for 52.5 µs"));
        assertThat(lines).anyMatch(l -> l.startsWith("flash: done: program 0x08000000"));
    }

    private void setOptionByte(int address, int value) {
        fpec.unlock();
        fpec.unlockOptions();
        int[] slots = new int[8];
        for (int i = 0; i < 8; i++) {
            slots[i] = bus.read(OptionBytes.BASE + 2 * i, 2) & 0xFF;
        }
        slots[(address - OptionBytes.BASE) / 2] = value;
        fpec.eraseOptionBytes(clock);
        for (int i = 0; i < 8; i++) {
            fpec.programOption(OptionBytes.BASE + 2 * i, slots[i], clock);
        }
        fpec.writeCr(LOCK);
    }
}
