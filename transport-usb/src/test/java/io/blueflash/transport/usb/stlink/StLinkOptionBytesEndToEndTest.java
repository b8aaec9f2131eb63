package io.blueflash.transport.usb.stlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.flash.FlashProtectedException;
import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.OptionBytesChange;
import io.blueflash.port.in.OptionBytesReport;
import io.blueflash.port.in.OptionBytesRequest;
import io.blueflash.port.in.ReadMemoryRequest;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.OptionBytesService;
import io.blueflash.service.ReadMemoryService;
import io.blueflash.sim.stlink.StLinkPersonality;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Option bytes over every ST-Link personality: the register path needs true 16-bit writes to
 * 0x1FFF_F800+2n (facts §B.5), so a probe that split them would fail here.
 */
class StLinkOptionBytesEndToEndTest {

    private static final ProbeSelector STLINK = ProbeSelector.parse("stlink");

    static Stream<StLinkPersonality> personalities() {
        return Stream.of(StLinkPersonality.v2(), StLinkPersonality.v21(), StLinkPersonality.v3());
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void givenProtectedChip_whenUnprotectedThroughStLink_thenFlashErasedAndReadableAfterReset(
            StLinkPersonality personality) {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(personality);
        List<ProbeConnector> connectors = List.of(EmulatedStLinks.connector(probe));
        OptionBytesService service = new OptionBytesService(connectors);
        ReadMemoryRequest readFlash = new ReadMemoryRequest(STLINK, ConnectOptions.defaults(),
                new AddressRange(0x0800_0000L, 16), ProgressListener.NONE);

        OptionBytesReport lock = service.change(new OptionBytesRequest(STLINK, ConnectOptions.defaults(),
                new OptionBytesChange.SetReadProtection()));
        assertThat(lock.stored().orElseThrow().stored().subList(0, 2)).containsExactly(0x00, 0xFF);
        probe.chip.powerCycle();
        assertThatThrownBy(() -> new ReadMemoryService(connectors).read(readFlash))
                .isInstanceOf(FlashProtectedException.class);

        OptionBytesReport unlock = service.change(new OptionBytesRequest(STLINK, ConnectOptions.defaults(),
                new OptionBytesChange.RemoveReadProtection()));

        assertThat(unlock.flashErased()).isTrue();
        assertThat(unlock.stored().orElseThrow().stored().subList(0, 2)).containsExactly(0xA5, 0x5A);
        probe.chip.powerCycle();
        assertThat(new ReadMemoryService(connectors).read(readFlash).data()).containsOnly((byte) 0xFF);
    }
}
