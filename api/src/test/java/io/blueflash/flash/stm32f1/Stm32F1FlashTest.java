package io.blueflash.flash.stm32f1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.contract.FakeStm32F1Target;
import io.blueflash.contract.RecordingMemoryAccess;
import io.blueflash.flash.DriverChoice;
import io.blueflash.flash.FlashDriver;
import io.blueflash.flash.FlashException;
import io.blueflash.flash.PageChecksums;
import io.blueflash.model.FlashMethod;
import io.blueflash.port.out.CoreControl;
import io.blueflash.progress.ProgressListener;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.NativeFlashAccess;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetConnection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Stm32F1FlashTest {

    private static final FlashGeometry GEOMETRY = FlashGeometry.stm32f1(0x0800_0000L, 1024, 64 * 1024);

    private final List<String> nativeCalls = new ArrayList<>();
    private final NativeFlashAccess nativeFlash = new NativeFlashAccess() {
        @Override
        public void erasePage(int pageAddress, int pageSize) {
            nativeCalls.add(String.format("erase 0x%08X %d", pageAddress, pageSize));
        }

        @Override
        public void massErase() {
            nativeCalls.add("mass");
        }

        @Override
        public void program(int address, byte[] data) {
            nativeCalls.add(String.format("program 0x%08X %d", address, data.length));
        }

        @Override
        public void finish() {
            nativeCalls.add("finish");
        }
    };

    @Test
    void givenNativeFlashAndMemory_whenDriverChosen_thenNativeOperationsDelegateWithPageSize() {
        FlashDriver algorithm = driver(connection(true, new RecordingMemoryAccess()), ProgramPacing.AUTO, false);

        algorithm.erasePages(List.of(0x0800_0400L), a -> { });
        algorithm.massErase();
        algorithm.programPage(0x0800_0400L, new byte[8]);
        algorithm.finish();

        assertThat(algorithm.name()).isEqualTo("native (boot)");
        assertThat(nativeCalls).containsExactly("erase 0x08000400 1024", "mass", "program 0x08000400 8", "finish");
    }

    @Test
    void givenNativeFlashWithCoreControlAndSram_whenDriverChosen_thenFarEndProgramsAndPagesAreCheckedOnTheCore() {
        TargetConnection connection = connection(true, new RecordingMemoryAccess(), CORE);

        FlashDriver driver = Stm32F1Flash.FAMILY.driver(connection, GEOMETRY,
                new DriverChoice(ProgramPacing.AUTO, false, ProgressListener.NONE, FlashMethod.AUTO, 20 * 1024));

        assertThat(driver.name()).isEqualTo("native (boot)");
        assertThat(driver.pageChecksums()).get().extracting(PageChecksums::checksumName)
                .isEqualTo("CRC-32 of the STM32 CRC unit, on the target");
    }

    @Test
    void givenNativeFlashWithoutCoreControlOrSramOrWithRegistersChosen_whenDriverChosen_thenPagesAreReadBack() {
        DriverChoice withSram = new DriverChoice(ProgramPacing.AUTO, false, ProgressListener.NONE, FlashMethod.AUTO,
                20 * 1024);

        assertThat(Stm32F1Flash.FAMILY.driver(connection(true, new RecordingMemoryAccess(), null), GEOMETRY, withSram)
                .pageChecksums()).as("no core control (ROM bootloader)").isEmpty();
        assertThat(Stm32F1Flash.FAMILY.driver(connection(true, new RecordingMemoryAccess(), CORE), GEOMETRY,
                new DriverChoice(ProgramPacing.AUTO, false, ProgressListener.NONE, FlashMethod.AUTO, 0))
                .pageChecksums()).as("SRAM unknown").isEmpty();
        assertThat(Stm32F1Flash.FAMILY.driver(connection(true, new RecordingMemoryAccess(), CORE), GEOMETRY,
                new DriverChoice(ProgramPacing.AUTO, false, ProgressListener.NONE, FlashMethod.REGISTERS, 20 * 1024))
                .pageChecksums()).as("registers chosen").isEmpty();
    }

    @Test
    void givenMemoryOnly_whenDriverChosen_thenFpecPacedByCloneFlagAndPacingChoice() {
        TargetConnection connection = connection(false, new FakeStm32F1Target());

        assertThat(driver(connection, ProgramPacing.AUTO, false).name()).contains("page block");
        assertThat(driver(connection, ProgramPacing.AUTO, true).name()).contains("clone-safe");
        assertThat(driver(connection, ProgramPacing.PAGE_BLOCK, true).name()).contains("page block");
    }

    @Test
    void givenAutoPacing_whenResolved_thenCloneSafeOnClonesOnly() {
        assertThat(Stm32F1Flash.resolve(ProgramPacing.AUTO, false)).isEqualTo(ProgramPacing.PAGE_BLOCK);
        assertThat(Stm32F1Flash.resolve(ProgramPacing.AUTO, true)).isEqualTo(ProgramPacing.POLL_EACH);
        assertThat(Stm32F1Flash.resolve(ProgramPacing.PAGE_BLOCK, true)).isEqualTo(ProgramPacing.PAGE_BLOCK);
    }

    @Test
    void givenNeitherNativeFlashNorMemory_whenDriverChosen_thenErrorNamesProbeAndCapabilities() {
        assertThatThrownBy(() -> driver(connection(false, null), ProgramPacing.AUTO, false))
                .isInstanceOf(FlashException.class).hasMessageContaining("boot:COM3").hasMessageContaining("cannot program");
    }

    private static FlashDriver driver(TargetConnection connection, ProgramPacing pacing, boolean clone) {
        return Stm32F1Flash.FAMILY.driver(connection, GEOMETRY, new DriverChoice(pacing, clone, ProgressListener.NONE));
    }

    /** Run control of a GDB server: no interrupt masking of its own; never called while a driver is chosen. */
    private static final CoreControl CORE = new CoreControl() {
        @Override
        public void halt() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resume() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isHalted() {
            return true;
        }

        @Override
        public void resetAndHalt() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resetAndRun() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int readCoreRegister(int regsel) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeCoreRegister(int regsel, int value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void waitForHalt(java.time.Duration timeout) {
            throw new UnsupportedOperationException();
        }
    };

    private TargetConnection connection(boolean withNative, MemoryAccess memory) {
        return connection(withNative, memory, null);
    }

    private TargetConnection connection(boolean withNative, MemoryAccess memory, CoreControl core) {
        return new TargetConnection() {
            @Override
            public ProbeDescriptor probe() {
                return new ProbeDescriptor("boot", "COM3", "test");
            }

            @Override
            public Set<TargetCapability> capabilities() {
                Set<TargetCapability> caps = EnumSet.noneOf(TargetCapability.class);
                if (withNative) {
                    caps.add(TargetCapability.NATIVE_FLASH);
                }
                if (memory != null) {
                    caps.add(TargetCapability.MEMORY_ACCESS);
                }
                if (core != null) {
                    caps.add(TargetCapability.CORE_CONTROL);
                }
                return caps;
            }

            @Override
            public Optional<CoreControl> coreControl() {
                return Optional.ofNullable(core);
            }

            @Override
            public Optional<MemoryAccess> memoryAccess() {
                return Optional.ofNullable(memory);
            }

            @Override
            public Optional<NativeFlashAccess> nativeFlashAccess() {
                return withNative ? Optional.of(nativeFlash) : Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }
}
