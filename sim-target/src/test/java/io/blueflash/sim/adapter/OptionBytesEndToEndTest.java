package io.blueflash.sim.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.flash.FlashProtectedException;
import io.blueflash.flash.stm32f1.FpecFlashAlgorithm;
import io.blueflash.flash.stm32f1.FpecOptionBytes;
import io.blueflash.flash.stm32f1.OptionByteImage;
import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.in.OptionBytesChange;
import io.blueflash.port.in.OptionBytesReadRequest;
import io.blueflash.port.in.OptionBytesReading;
import io.blueflash.port.in.OptionBytesReport;
import io.blueflash.port.in.OptionBytesRequest;
import io.blueflash.port.in.ReadMemoryRequest;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.OptionBytesService;
import io.blueflash.service.ReadMemoryService;
import io.blueflash.sim.chip.Stm32F103;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The option-byte use case through the register path (facts §B.5) on the simulated Blue Pill:
 * RDP and WRP take effect only after a reset (facts §A.3), removing RDP mass-erases the flash
 * (facts §B.6), write protection refuses programming with WRPRTERR (facts §B.7).
 */
class OptionBytesEndToEndTest {

    private static final ProbeSelector SIM = ProbeSelector.parse("sim");
    private static final long FLASH = 0x0800_0000L;
    private static final FlashGeometry GEOMETRY = FlashGeometry.stm32f1(FLASH, 1024, 64 * 1024);

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final List<ProbeConnector> connectors = List.of(SimulatedProbeConnector.withBoard(chip));
    private final OptionBytesService service = new OptionBytesService(connectors);

    private OptionBytesReport change(OptionBytesChange change) {
        return service.change(new OptionBytesRequest(SIM, ConnectOptions.defaults(), change));
    }

    private byte[] readFlash(long address, int length) {
        return new ReadMemoryService(connectors).read(new ReadMemoryRequest(SIM, ConnectOptions.defaults(),
                new AddressRange(address, length), ProgressListener.NONE)).data();
    }

    private void program(long address, byte[] data) {
        try (TargetConnection c = connectors.get(0).connect(SIM, ConnectOptions.defaults())) {
            new FpecFlashAlgorithm(c.memoryAccess().orElseThrow(), GEOMETRY, ProgramPacing.POLL_EACH)
                    .programPage(address, data);
        }
    }

    private OptionByteImage stored(OptionBytesReport report) {
        java.util.List<Integer> bytes = report.stored().orElseThrow().stored();
        byte[] raw = new byte[bytes.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = bytes.get(i).byteValue();
        }
        return OptionByteImage.decode(raw);
    }

    @Test
    void givenFirmware_whenProtectedAndReset_thenDebugReadFaults_andUnprotectErasesAndRestoresReads() {
        program(FLASH, new byte[] {1, 2, 3, 4});
        OptionByteImage factory = new OptionByteImage(0xA5, 0xFE, 0x12, 0x34, 0xFFFF_FFFF); // USER/Data not erased values
        try (TargetConnection c = connectors.get(0).connect(SIM, ConnectOptions.defaults())) {
            new FpecOptionBytes(c.memoryAccess().orElseThrow(), GEOMETRY).program(factory);
        }
        assertThat(OptionByteImage.decode(readFlash(OptionByteImage.BASE, 16))).isEqualTo(factory);

        OptionBytesReport locked = change(new OptionBytesChange.SetReadProtection());

        assertThat(locked.changed()).isTrue();
        assertThat(locked.inForce()).isFalse();
        assertThat(stored(locked)).isEqualTo(factory.withRdp(OptionByteImage.RDP_PROTECTED));
        chip.powerCycle();
        assertThatThrownBy(() -> readFlash(FLASH, 4)).isInstanceOfSatisfying(FlashProtectedException.class,
                e -> assertThat(e.kind()).isEqualTo(FlashProtectedException.Kind.READ_PROTECTED))
                .hasMessageNotContaining("option-bytes");

        OptionBytesReport unlocked = change(new OptionBytesChange.RemoveReadProtection());

        assertThat(unlocked.flashErased()).isTrue();
        assertThat(stored(unlocked)).isEqualTo(factory);
        chip.powerCycle();
        assertThat(readFlash(FLASH, 1024)).containsOnly((byte) 0xFF);
    }

    @Test
    void givenReadProtectedChipWithAProtectedBlock_whenOptionBytesRead_thenTheCoreDecodesThemForTheCli() {
        change(new OptionBytesChange.WriteProtect(List.of(5)));
        change(new OptionBytesChange.SetReadProtection());
        chip.powerCycle();

        OptionBytesReading reading = service.read(new OptionBytesReadRequest(SIM, ConnectOptions.defaults()));

        assertThat(reading.state().readProtected()).isTrue();
        assertThat(reading.state().rdp()).isEqualTo(OptionByteImage.RDP_PROTECTED);
        assertThat(reading.state().writeProtected()).singleElement().satisfies(block -> {
            assertThat(block.bit()).isEqualTo(1);                               // pages 4..7 of 1 KB
            assertThat(block.range()).isEqualTo(new AddressRange(FLASH + 4096, 4096));
        });
        assertThat(reading.state().complementMismatches()).isEmpty();
        assertThat(reading.state().stored()).hasSize(OptionByteImage.SIZE);
    }

    @Test
    void givenUnprotectedChip_whenUnprotectAsked_thenNothingWrittenAndFlashKept() {
        program(FLASH, new byte[] {5, 6});

        OptionBytesReport report = change(new OptionBytesChange.RemoveReadProtection());

        assertThat(report.changed()).isFalse();
        assertThat(report.flashErased()).isFalse();
        assertThat(readFlash(FLASH, 2)).containsExactly(5, 6);
    }

    @Test
    void givenWriteProtectedPage_whenProgrammedAfterReset_thenWrprtErr_andUnprotectRestoresWrites() {
        OptionBytesReport protect = change(new OptionBytesChange.WriteProtect(List.of(5)));

        assertThat(protect.wrpBits()).containsExactly(1);
        assertThat(stored(protect).wrp()).isEqualTo(0xFFFF_FFFD);
        assertThat(stored(protect).readProtected()).isFalse();
        chip.systemReset();
        assertThatThrownBy(() -> program(FLASH + 5 * 1024, new byte[] {7, 8}))
                .isInstanceOfSatisfying(FlashProtectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(FlashProtectedException.Kind.WRITE_PROTECTED));
        program(FLASH + 8 * 1024, new byte[] {9, 10}); // bit 2: not protected

        OptionBytesReport unprotect = change(new OptionBytesChange.RemoveWriteProtection());

        assertThat(stored(unprotect).wrp()).isEqualTo(0xFFFF_FFFF);
        assertThat(unprotect.flashErased()).isFalse();
        chip.systemReset();
        program(FLASH + 5 * 1024, new byte[] {7, 8});
        assertThat(readFlash(FLASH + 5 * 1024, 2)).containsExactly(7, 8);
        assertThat(readFlash(FLASH + 8 * 1024, 2)).containsExactly(9, 10);
    }

    @Test
    void givenPageBeyondTheChip_whenWriteProtectAsked_thenRefusedBeforeAnythingIsWritten() {
        byte[] before = readFlash(OptionByteImage.BASE, 16);

        assertThatThrownBy(() -> change(new OptionBytesChange.WriteProtect(List.of(3, 64))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page 64");

        assertThat(readFlash(OptionByteImage.BASE, 16)).containsExactly(before);
    }
}
