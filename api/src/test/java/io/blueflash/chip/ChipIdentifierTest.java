package io.blueflash.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.FlashGeometry;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChipIdentifierTest {

    private final ChipIdentifier identifier = new ChipIdentifier();

    @Test
    void givenGenuineF103c8_whenIdentify_thenMediumDensity64kRevYNotClone() {
        ChipDescription chip = identifier.identify(FakeIdMemory.genuineF103c8(), OptionalInt.empty());

        assertThat(chip.partName()).isEqualTo("STM32F1xx medium-density");
        assertThat(chip.density()).isEqualTo(Stm32F1Density.MEDIUM_DENSITY);
        assertThat(chip.identity().devId()).isEqualTo(0x410);
        assertThat(chip.identity().revId()).isEqualTo(0x2003);
        assertThat(chip.identity().revision()).contains("Y");
        assertThat(chip.identity().coreRevision()).isEqualTo("r1p1");
        assertThat(chip.flash()).isEqualTo(FlashGeometry.stm32f1(0x0800_0000L, 1024, 64 * 1024));
        assertThat(chip.sramBytes()).isEqualTo(20 * 1024);
        assertThat(chip.flashSizeSource()).isEqualTo(FlashSizeSource.F_SIZE_REGISTER);
        assertThat(chip.isClone()).isFalse();
        assertThat(chip.vendorGuess()).isEmpty();
        assertThat(chip.notes()).anyMatch(n -> n.contains("upper 64 KB"));
    }

    @Test
    void givenCpuidR2p1_whenIdentify_thenCloneWithVendorGuess() {
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().word(ChipIdentifier.CPUID, 0x412F_C231);

        ChipDescription chip = identifier.identify(memory, OptionalInt.empty());

        assertThat(chip.isClone()).isTrue();
        assertThat(chip.vendorGuess()).contains("CKS32, APM32 or GD32");
        assertThat(chip.notes()).anyMatch(n -> n.contains("CPUID 0x412FC231 is Cortex-M3 r2p1"));
        assertThat(chip.summary()).endsWith(", clone (CKS32, APM32 or GD32)");
    }

    @Test
    void givenGigaDeviceRevId_whenIdentify_thenCloneGigaDevice() {
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().word(ChipIdentifier.DBGMCU_IDCODE, 0x1303_0410);

        ChipDescription chip = identifier.identify(memory, OptionalInt.empty());

        assertThat(chip.isClone()).isTrue();
        assertThat(chip.vendorGuess()).contains("GigaDevice GD32F1x0");
        assertThat(chip.identity().revision()).isEmpty();
    }

    @Test
    void givenCs32DevId_whenIdentify_thenMediumDensityClone() {
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().word(ChipIdentifier.DBGMCU_IDCODE, 0x2000_029B);

        ChipDescription chip = identifier.identify(memory, OptionalInt.empty());

        assertThat(chip.density()).isEqualTo(Stm32F1Density.MEDIUM_DENSITY);
        assertThat(chip.isClone()).isTrue();
        assertThat(chip.vendorGuess()).contains("CS32/CKS32 (China Key System)");
    }

    @Test
    void givenRomTableDesignerGigaDevice_whenIdentify_thenClone() {
        // PIDR1[7:4] = identity low nibble 1, PIDR2 = JEDEC | identity bits 6:4 = 5, PIDR4 = 7 continuation codes
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().word(ChipIdentifier.ROM_PIDR1, 0x10)
                .word(ChipIdentifier.ROM_PIDR2, 0x0D).word(ChipIdentifier.ROM_PIDR4, 0x07);

        ChipDescription chip = identifier.identify(memory, OptionalInt.empty());

        assertThat(chip.isClone()).isTrue();
        assertThat(chip.vendorGuess()).contains("GigaDevice");
        assertThat(chip.notes()).anyMatch(n -> n.startsWith("ROM table designer 0x751 (GigaDevice)"));
    }

    @Test
    void givenRomTableDesignerSt_whenIdentify_thenNotClone() {
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().word(ChipIdentifier.ROM_PIDR1, 0x00)
                .word(ChipIdentifier.ROM_PIDR2, 0x0A).word(ChipIdentifier.ROM_PIDR4, 0x00);

        assertThat(identifier.identify(memory, OptionalInt.empty()).isClone()).isFalse();
    }

    static Stream<Arguments> fSizeFallbacks() {
        return Stream.of(Arguments.of("zero", 0, true), Arguments.of("blank", 0xFFFF, true), Arguments.of("fault", -1, false));
    }

    @ParameterizedTest(name = "F_SIZE {0}")
    @MethodSource("fSizeFallbacks")
    void givenUnusableFSize_whenIdentify_thenDensityMaximum(String edge, int value, boolean mapped) {
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().word(ChipIdentifier.DBGMCU_IDCODE, 0x1003_6414);
        if (mapped) {
            memory.half(ChipIdentifier.F_SIZE, value);
        } else {
            memory.unmap(ChipIdentifier.F_SIZE);
        }

        ChipDescription chip = identifier.identify(memory, OptionalInt.empty());

        assertThat(chip.flash()).isEqualTo(FlashGeometry.stm32f1(0x0800_0000L, 2048, 512 * 1024));
        assertThat(chip.flashSizeSource()).isEqualTo(FlashSizeSource.DENSITY_MAXIMUM);
        assertThat(chip.notes()).anyMatch(n -> n.contains("assuming the high-density maximum of 512 KB"));
    }

    @Test
    void givenIdcodeReadsZero_whenHintGiven_thenHintUsed() {
        // through the ROM bootloader: the CPU reads DBGMCU_IDCODE as 0 (facts §A.4) and the SCS faults
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().word(ChipIdentifier.DBGMCU_IDCODE, 0).unmap(ChipIdentifier.CPUID);

        ChipDescription chip = identifier.identify(memory, OptionalInt.of(0x410));

        assertThat(chip.identity().devId()).isEqualTo(0x410);
        assertThat(chip.identity().revId()).isZero();
        assertThat(chip.identity().cpuidKnown()).isFalse();
        assertThat(chip.identity().coreRevision()).isEqualTo("unknown");
    }

    @Test
    void givenIdcodeFaults_whenHintGiven_thenHintUsed() {
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().unmap(ChipIdentifier.DBGMCU_IDCODE);

        assertThat(identifier.identify(memory, OptionalInt.of(0x414)).density()).isEqualTo(Stm32F1Density.HIGH_DENSITY);
    }

    @Test
    void givenIdcodeZeroAndNoHint_whenIdentify_thenUnknownChipErrorListsReadsAndAdvice() {
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().word(ChipIdentifier.DBGMCU_IDCODE, 0);

        assertThatThrownBy(() -> identifier.identify(memory, OptionalInt.empty()))
                .isInstanceOf(UnknownChipException.class)
                .hasMessageStartingWith("unknown chip id 0x00000000: read CPUID 0x411FC231, DBGMCU_IDCODE 0x00000000.")
                .hasMessageContaining("check the wiring")
                .satisfies(e -> assertThat(((UnknownChipException) e).reason()).isEqualTo(UnknownChipException.Reason.NO_ID_READ));
    }

    @Test
    void givenUnknownDevId_whenIdentify_thenErrorListsKnownIds() {
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().word(ChipIdentifier.DBGMCU_IDCODE, 0x1000_0413);

        assertThatThrownBy(() -> identifier.identify(memory, OptionalInt.empty()))
                .isInstanceOf(UnknownChipException.class)
                .hasMessageStartingWith("unknown chip id 0x413: read CPUID 0x411FC231, DBGMCU_IDCODE 0x10000413.")
                .hasMessageContaining("0x410 (medium-density)")
                .satisfies(e -> assertThat(((UnknownChipException) e).reason())
                        .isEqualTo(UnknownChipException.Reason.ID_NOT_IN_CATALOG));
    }

    @Test
    void givenNonArmImplementer_whenIdentify_thenError() {
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().word(ChipIdentifier.CPUID, 0xFFFF_FFFF);

        assertThatThrownBy(() -> identifier.identify(memory, OptionalInt.empty()))
                .isInstanceOf(UnknownChipException.class)
                .hasMessageStartingWith("CPUID 0xFFFFFFFF: implementer 0xFF is not ARM (0x41)");
    }

    @Test
    void givenCortexM4_whenIdentify_thenErrorNamesCore() {
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().word(ChipIdentifier.CPUID, 0x410F_C241);

        assertThatThrownBy(() -> identifier.identify(memory, OptionalInt.empty()))
                .isInstanceOf(UnknownChipException.class)
                .hasMessage("CPUID 0x410FC241: the core is Cortex-M4 (part 0xC24), not the Cortex-M3 (0xC23) of an STM32F1");
    }

    @Test
    void givenGenuineChip_whenIdentify_thenReadsEachIdRegisterOnceAndTheRomTableIdsAsOneBlock() {
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().word(ChipIdentifier.ROM_PIDR2, 0x0A);

        identifier.identify(memory, OptionalInt.empty());

        assertThat(memory.reads).containsExactly("read32 0xE000ED00", "read32 0xE0042000", "read32 0x1FFFF7E0",
                "readBlock 0xE00FFFD0 32");
    }

    @Test
    void givenFSizeWordWithReservedUpperHalf_whenIdentify_thenOnlyTheLowHalfCounts() {
        FakeIdMemory memory = FakeIdMemory.genuineF103c8().half(ChipIdentifier.F_SIZE + 2, 0x1234);

        assertThat(identifier.identify(memory, OptionalInt.empty()).flash().sizeBytes()).isEqualTo(64 * 1024);
    }
}
