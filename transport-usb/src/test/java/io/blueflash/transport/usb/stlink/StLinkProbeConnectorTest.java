package io.blueflash.transport.usb.stlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeNotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StLinkProbeConnectorTest {

    private static final StLinkDeviceInfo A = new StLinkDeviceInfo("AAA111", 0x3748, "bus 1 port 2");
    private static final StLinkDeviceInfo B = new StLinkDeviceInfo("BBB222", 0x374B, "bus 1 port 3");

    @Test
    void givenNoProbe_whenChoosing_thenNotFoundNamingSimAndUdev() {
        assertThatThrownBy(() -> StLinkProbeConnector.choose(ProbeSelector.parse("stlink"), List.of()))
                .isInstanceOf(ProbeNotFoundException.class).hasMessageContaining("No ST-Link found")
                .hasMessageContaining("--probe sim").hasMessageContaining("udev");
    }

    @Test
    void givenTwoProbes_whenSerialGiven_thenThatOneCaseInsensitive() {
        assertThat(StLinkProbeConnector.choose(ProbeSelector.parse("stlink:bbb222"), List.of(A, B))).isEqualTo(B);
    }

    @Test
    void givenTwoProbes_whenNoSerial_thenAskedToChooseListingBoth() {
        assertThatThrownBy(() -> StLinkProbeConnector.choose(ProbeSelector.parse("stlink"), List.of(A, B)))
                .isInstanceOf(ProbeNotFoundException.class).hasMessageContaining("--probe stlink:SERIAL")
                .hasMessageContaining("AAA111").hasMessageContaining("BBB222");
    }

    @Test
    void givenUnknownSerial_whenChoosing_thenNotFoundListingAttached() {
        assertThatThrownBy(() -> StLinkProbeConnector.choose(ProbeSelector.parse("stlink:ZZZ"), List.of(A, B)))
                .isInstanceOf(ProbeNotFoundException.class).hasMessageContaining("ZZZ").hasMessageContaining("AAA111");
    }

    @Test
    void givenClonesSharingASerial_whenChoosing_thenExplainsTheyCannotBeToldApart() {
        StLinkDeviceInfo clone = new StLinkDeviceInfo("AAA111", 0x3748, "bus 2 port 1");

        assertThatThrownBy(() -> StLinkProbeConnector.choose(ProbeSelector.parse("stlink:AAA111"), List.of(A, clone)))
                .isInstanceOf(ProbeNotFoundException.class).hasMessageContaining("same serial");
    }

    @Test
    void givenProbes_whenListed_thenSelectorTextAndModelInDescription() {
        StLinkProbeConnector connector = new StLinkProbeConnector(new StLinkDeviceProvider() {
            @Override
            public List<StLinkDeviceInfo> list() {
                return List.of(A, B);
            }

            @Override
            public StLinkChannel open(StLinkDeviceInfo device) {
                throw new AssertionError("listing must not open");
            }
        }, WaitBackoff.NONE);

        assertThat(connector.listProbes()).extracting(p -> p.selectorText()).containsExactly("stlink:AAA111", "stlink:BBB222");
        assertThat(connector.listProbes().get(1).description()).contains("ST-Link V2-1").contains("bus 1 port 3");
        assertThat(connector.listProbes().get(1).description()).contains("(USB 0483:374b)");
    }
}
