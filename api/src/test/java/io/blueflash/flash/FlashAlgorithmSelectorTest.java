package io.blueflash.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.contract.FakeStm32F1Target;
import io.blueflash.contract.RecordingMemoryAccess;
import io.blueflash.flash.stm32f1.FpecFlashAlgorithm;
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

class FlashAlgorithmSelectorTest {

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
    void givenNativeFlashAndMemory_whenSelect_thenNativeAlgorithmDelegatesWithPageSize() {
        FlashAlgorithm algorithm = FlashAlgorithmSelector.select(connection(true, new RecordingMemoryAccess()),
                GEOMETRY, ProgramPacing.AUTO, false);

        algorithm.erasePages(List.of(0x0800_0400L), a -> { });
        algorithm.massErase();
        algorithm.programPage(0x0800_0400L, new byte[8]);
        algorithm.finish();

        assertThat(algorithm.name()).isEqualTo("native (boot)");
        assertThat(nativeCalls).containsExactly("erase 0x08000400 1024", "mass", "program 0x08000400 8", "finish");
    }

    @Test
    void givenMemoryOnly_whenSelect_thenFpecPacedByCloneFlag() {
        TargetConnection connection = connection(false, new FakeStm32F1Target());

        assertThat(FlashAlgorithmSelector.select(connection, GEOMETRY, ProgramPacing.AUTO, false).name())
                .contains("page block");
        assertThat(FlashAlgorithmSelector.select(connection, GEOMETRY, ProgramPacing.AUTO, true).name())
                .contains("clone-safe");
        assertThat(FlashAlgorithmSelector.select(connection, GEOMETRY, ProgramPacing.PAGE_BLOCK, true))
                .isInstanceOf(FpecFlashAlgorithm.class).extracting(FlashAlgorithm::name).asString().contains("page block");
    }

    @Test
    void givenAutoPacingOnGenuineChip_whenFallbackAsked_thenCloneSafeFpecElseNone() {
        TargetConnection fpec = connection(false, new FakeStm32F1Target());

        assertThat(FlashAlgorithmSelector.clonePacingFallback(fpec, GEOMETRY, ProgramPacing.AUTO, false))
                .hasValueSatisfying(a -> assertThat(a.name()).contains("clone-safe"));
        assertThat(FlashAlgorithmSelector.clonePacingFallback(fpec, GEOMETRY, ProgramPacing.AUTO, true)).isEmpty();
        assertThat(FlashAlgorithmSelector.clonePacingFallback(fpec, GEOMETRY, ProgramPacing.PAGE_BLOCK, false)).isEmpty();
        assertThat(FlashAlgorithmSelector.clonePacingFallback(connection(true, new RecordingMemoryAccess()),
                GEOMETRY, ProgramPacing.AUTO, false)).isEmpty();
    }

    @Test
    void givenNeitherNativeFlashNorMemory_whenSelect_thenErrorNamesProbeAndCapabilities() {
        assertThatThrownBy(() -> FlashAlgorithmSelector.select(connection(false, null), GEOMETRY, ProgramPacing.AUTO, false))
                .isInstanceOf(FlashException.class).hasMessageContaining("boot:COM3").hasMessageContaining("cannot program");
    }

    private TargetConnection connection(boolean withNative, MemoryAccess memory) {
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
                return caps;
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
