package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.OptionBytesChange;
import io.blueflash.port.in.OptionBytesReport;
import io.blueflash.port.in.OptionBytesRequest;
import io.blueflash.service.OptionBytesService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Option bytes through BMP's memory packets (the register path, facts §B.5): 'M' must make true half-word writes. */
class BlackMagicProbeOptionBytesTest {

    private static final ProbeSelector SELECTOR = new ProbeSelector("bmp", EmulatedBlackMagicProbe.PORT);
    private final EmulatedBlackMagicProbe probe = new EmulatedBlackMagicProbe("stm32f103c8");

    @AfterEach
    void tearDown() {
        probe.close();
        assertThat(probe.failure()).isNull();
    }

    @Test
    void givenWriteProtectThenUnprotect_whenRunThroughBmp_thenWrprLoadedAfterResetBothTimes() {
        OptionBytesService service = new OptionBytesService(List.of(probe.connector()));

        OptionBytesReport protect = service.change(new OptionBytesRequest(SELECTOR, ConnectOptions.defaults(),
                new OptionBytesChange.WriteProtect(List.of(0, 1, 2, 3))));
        probe.close();
        probe.chip.systemReset();

        assertThat(protect.stored().orElseThrow().stored().subList(8, 10)).containsExactly(0xFE, 0x01);
        assertThat(probe.chip.cpuBus().read(0x4002_2020, 4)).isEqualTo(0xFFFF_FFFE); // FLASH_WRPR

        OptionBytesReport unprotect = service.change(new OptionBytesRequest(SELECTOR, ConnectOptions.defaults(),
                new OptionBytesChange.RemoveWriteProtection()));
        probe.close();
        probe.chip.systemReset();

        assertThat(unprotect.stored().orElseThrow().stored().subList(0, 10)).containsExactly(0xA5, 0x5A, 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00,
                0xFF, 0x00);
        assertThat(probe.chip.cpuBus().read(0x4002_2020, 4)).isEqualTo(0xFFFF_FFFF);
    }
}
