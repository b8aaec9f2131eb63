package io.blueflash.sim.chip;

import io.blueflash.sim.bus.BusFaultException;
import static io.blueflash.sim.chip.Fpec.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Memory map (facts §A), profiles and fault injection on the bare chip. */
class ChipModelRulesTest {

    @Test
    void givenUnknownProfileName_whenCreate_thenErrorListsKnownProfiles() {
        assertThatThrownBy(() -> Stm32F103.create("stm32f103xx")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stm32f103c8").hasMessageContaining("apm32f103c8").hasMessageContaining("gd32f103c8");
    }

    @Test
    void givenBluePillC8_whenFsizeRead_thenReports64KbButUpper64KbWorks() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        assertThat(chip.cpuBus().read(0x1FFF_F7E0, 2)).isEqualTo(64);
        Fpec fpec = new Fpec(chip.cpuBus());
        fpec.unlock();
        fpec.program(0x0801_FFFE, 0x4242, chip.clock());
        assertThat(chip.cpuBus().read(0x0801_FFFE, 2)).isEqualTo(0x4242);
        assertThatThrownBy(() -> chip.cpuBus().read(0x0802_0000, 4)).isInstanceOf(BusFaultException.class);
    }

    @Test
    void givenProfiles_whenIdsRead_thenFactsValues() {
        assertThat(Stm32F103.create("stm32f103rc").cpuBus().read(0x1FFF_F7E0, 2)).isEqualTo(256);
        assertThat(SimProfile.named("stm32f103ze").pageSize()).isEqualTo(2048);
        assertThat(SimProfile.named("stm32f103ze").devId()).isEqualTo(0x414);
        assertThat(SimProfile.named("stm32f103zg").devId()).isEqualTo(0x430);
        assertThat(SimProfile.named("cks32f103c8").dpidr()).isEqualTo(0x2BA0_1477);
        assertThat(SimProfile.named("apm32f103c8").cpuid()).isEqualTo(0x412F_C231);
        assertThat(SimProfile.named("stm32f103c8").isClone()).isFalse();
        assertThat(SimProfile.named("gd32f103c8").isClone()).isTrue();
    }

    @Test
    void givenUniqueId_whenRead_thenProfileWordsAtFactsOffsets() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        assertThat(chip.cpuBus().read(0x1FFF_F7E8, 2)).isEqualTo(0xFF35);
        assertThat(chip.cpuBus().read(0x1FFF_F7EC, 4)).isEqualTo(0x4D58_3432);
    }

    @Test
    void givenUnmappedAddress_whenAccessed_thenBusError() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        assertThatThrownBy(() -> chip.cpuBus().read(0x6000_0000, 4)).isInstanceOf(BusFaultException.class)
                .hasMessageContaining("no memory or register");
        assertThatThrownBy(() -> chip.cpuBus().write(0x2000_5000, 4, 0)).isInstanceOf(BusFaultException.class);
    }

    @Test
    void givenFirmware_whenDbgmcuIdcodeReadWithoutDebugger_thenZero() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        assertThat(chip.cpuBus().read(0xE004_2000, 4)).isZero();
        assertThatThrownBy(() -> chip.cpuBus().read(0xE004_2000, 2)).isInstanceOf(BusFaultException.class);
    }

    @Test
    void givenBootFromSystemMemory_whenAliasRead_thenBootloaderVectors() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        chip.setBootMode(BootMode.SYSTEM_MEMORY);
        assertThat(chip.cpuBus().read(0x0000_0004, 4)).isEqualTo(0x1FFF_F101);
    }

    @Test
    void givenHighDensity_whenWrpBit31Cleared_thenEveryPageBeyond62Protected() {
        Stm32F103 chip = Stm32F103.create("stm32f103ze");
        Fpec fpec = new Fpec(chip.cpuBus());
        fpec.unlock();
        fpec.unlockOptions();
        fpec.eraseOptionBytes(chip.clock());
        fpec.programOption(OptionBytes.BASE, 0xA5, chip.clock());
        fpec.programOption(OptionBytes.BASE + 14, 0x7F, chip.clock()); // WRP3 bit 7 = WRPR bit 31
        chip.systemReset();
        fpec.unlock();
        fpec.program(0x0807_FFFE, 0x1234, chip.clock());
        assertThat(fpec.sr() & WRPRTERR).isEqualTo(WRPRTERR);
        fpec.clearFlags();
        fpec.program(0x0800_0000 + 61 * 2048, 0x1234, chip.clock());
        assertThat(fpec.sr()).isEqualTo(EOP);
    }

    @Test
    void givenFirmware_whenUnalignedWordAccess_thenSplitIntoBytesLikeTheCortexM3() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        chip.cpuBus().write(0x2000_0001, 4, 0x4433_2211);
        assertThat(chip.cpuBus().read(0x2000_0000, 4)).isEqualTo(0x3322_1100);
        assertThat(chip.cpuBus().read(0x2000_0001, 4)).isEqualTo(0x4433_2211);
    }

    @Test
    void givenFaultOnAddress_whenAccessed_thenBusError() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        chip.faults().faultOnAddress(0x2000_0102);
        assertThatThrownBy(() -> chip.cpuBus().read(0x2000_0100, 4)).isInstanceOf(BusFaultException.class)
                .hasMessageContaining("injected");
        assertThat(chip.cpuBus().read(0x2000_0104, 4)).isZero();
        chip.faults().clear();
        assertThat(chip.cpuBus().read(0x2000_0100, 4)).isZero();
    }

    @Test
    void givenPowerLossAfterNWrites_whenProgramming_thenEarlierHalfWordsStayAndInFlightIsUndefined() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        Fpec fpec = new Fpec(chip.cpuBus());
        fpec.unlock();
        fpec.writeCr(PG);
        chip.faults().powerLossAfterBusWrites(3);
        chip.cpuBus().write(FLASH, 2, 0x0000);
        chip.cpuBus().write(FLASH + 2, 2, 0x0000);   // stalls until the first is done
        chip.cpuBus().write(FLASH + 4, 2, 0x0000);   // power is lost while this one programs
        assertThat(chip.isPowered()).isFalse();
        assertThatThrownBy(() -> chip.cpuBus().read(FLASH, 4)).isInstanceOf(BusFaultException.class)
                .hasMessageContaining("no power");
        chip.powerCycle();
        assertThat(chip.cpuBus().read(FLASH, 4)).isZero();
        int inFlight = chip.cpuBus().read(FLASH + 4, 2);
        assertThat(inFlight).isNotEqualTo(0x0000); // cells only part-way programmed (seeded, deterministic)
        assertThat(chip.cpuBus().read(FLASH + 6, 2)).isEqualTo(0xFFFF);
    }

    @Test
    void givenRunningOperation_whenSaveState_thenFinishedFirst() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        Fpec fpec = new Fpec(chip.cpuBus());
        fpec.unlock();
        fpec.writeCr(PG);
        chip.cpuBus().write(FLASH, 2, 0x1234);
        SimState state = chip.saveState();
        assertThat(state.flash()[0]).isEqualTo((byte) 0x34);
        assertThat(state.optionBytes()).hasSize(16);
    }
}
