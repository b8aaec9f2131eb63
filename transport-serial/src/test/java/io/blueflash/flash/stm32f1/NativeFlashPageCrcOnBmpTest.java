package io.blueflash.flash.stm32f1;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.chip.ChipIdentifier;
import io.blueflash.contract.TestImages;
import io.blueflash.flash.DriverChoice;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.PollBudget;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.transport.serial.gdb.EmulatedBlackMagicProbe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CRC routine beside a probe that programs flash itself, on the BMP emulator (GDB's {@code c} and
 * stop replies, DFSR cleared by the probe's halt poll): its CRCs equal the host's, the core is left with
 * the registers it had, and a loader that faults falls back to reading the pages back, with a note.
 */
class NativeFlashPageCrcOnBmpTest {

    /** {@code udf #0} at both entry points: UsageFault, escalated to HardFault, caught by vector catch. */
    private static final byte[] FAULTS = {0, (byte) 0xDE, 0, (byte) 0xDE, 0, (byte) 0xDE, 0, (byte) 0xDE};

    private final EmulatedBlackMagicProbe probe = new EmulatedBlackMagicProbe("stm32f103c8");
    private final TargetConnection connection = probe.connector()
            .connect(new ProbeSelector("bmp", EmulatedBlackMagicProbe.PORT), ConnectOptions.defaults());
    private final MemoryAccess memory = connection.memoryAccess().orElseThrow();
    private final CoreControl core = new PrimaskRunControl(connection.coreControl().orElseThrow(), memory);
    private final FlashGeometry geometry = new ChipIdentifier().identify(memory, OptionalInt.empty()).flash();
    private final SramWorkArea area = SramWorkArea.fit(20 * 1024, SramLoaderImage.bytes().length).orElseThrow();
    private final List<String> notes = new ArrayList<>();
    private final DriverChoice choice = new DriverChoice(ProgramPacing.AUTO, false, event -> {
        if (event instanceof ProgressEvent.Note note) {
            notes.add(note.text());
        }
    });
    private final byte[] data = TestImages.randomBytes(2048, 21);

    @AfterEach
    void close() {
        connection.close();
        probe.close();
        assertThat(probe.failure()).isNull();
    }

    @Test
    void givenProgrammedAndErasedPages_whenCrcsComputedOnTheCore_thenHostCrcsAndCoreRegistersAsFound() {
        program(data);
        core.writeCoreRegister(0, 0x1234_5678);
        core.writeCoreRegister(9, 0x0BAD_F00D);
        int[] before = registers();
        int demcr = memory.read32(LoaderRun.DEMCR);

        List<Integer> crcs = crc(SramLoaderImage.bytes()).onTarget(pages());

        assertThat(crcs).isEqualTo(hostCrcs());
        assertThat(registers()).as("r0-r12, SP, LR, PC, xPSR, PRIMASK word").containsExactly(before);
        assertThat(memory.read32(LoaderRun.DEMCR)).isEqualTo(demcr);
        assertThat(notes).isEmpty();
    }

    @Test
    void givenLoaderThatFaults_whenCrcsAsked_thenReadBackGivesTheSameCrcsWithANoteAndCoreRegistersAsFound() {
        program(data);
        int[] before = registers();
        NativeFlashPageCrc crc = crc(FAULTS);

        List<Integer> crcs = crc.onTarget(pages());

        assertThat(crcs).isEqualTo(hostCrcs());
        assertThat(registers()).containsExactly(before);
        assertThat(notes).singleElement().asString().contains("took a fault")
                .contains("comparing and verifying by reading the pages back instead");
        assertThat(crc.checksumName()).isEqualTo("CRC-32 of the pages read back");

        assertThat(crc.onTarget(pages())).as("later calls read back without trying the loader again")
                .isEqualTo(hostCrcs());
        assertThat(notes).hasSize(1);
    }

    private NativeFlashPageCrc crc(byte[] code) {
        return new NativeFlashPageCrc(memory, core, geometry, area, choice, Arrays.copyOf(code, (code.length + 3) & ~3),
                PollBudget.attempts(400));
    }

    private void program(byte[] bytes) {
        var flash = connection.nativeFlashAccess().orElseThrow();
        flash.erasePage((int) geometry.pageAddress(2), geometry.pageSize());
        flash.erasePage((int) geometry.pageAddress(3), geometry.pageSize());
        flash.program((int) geometry.pageAddress(2), bytes);
        flash.finish();
    }

    private List<Long> pages() {
        return List.of(geometry.pageAddress(2), geometry.pageAddress(3), geometry.pageAddress(9));
    }

    private List<Integer> hostCrcs() {
        byte[] erased = new byte[1024];
        Arrays.fill(erased, (byte) 0xFF);
        return List.of(Stm32Crc32.of(Arrays.copyOfRange(data, 0, 1024)), Stm32Crc32.of(Arrays.copyOfRange(data, 1024, 2048)),
                Stm32Crc32.of(erased));
    }

    private int[] registers() {
        int[] registers = Arrays.copyOf(NativeFlashPageCrc.CORE_REGISTERS, NativeFlashPageCrc.CORE_REGISTERS.length + 1);
        registers[registers.length - 1] = NativeFlashPageCrc.SPECIAL_REGISTERS;
        return Arrays.stream(registers).map(core::readCoreRegister).toArray();
    }
}
