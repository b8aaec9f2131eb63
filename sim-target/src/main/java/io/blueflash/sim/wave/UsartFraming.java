package io.blueflash.sim.wave;

import io.blueflash.sim.bus.BusMaster;
import io.blueflash.sim.chip.periph.Usart;

/** A USART's framing as its registers set it now (RM0008 §27.6: BRR, CR1 M/PCE/PS, CR2 STOP). */
final class UsartFraming {

    private static final int PS = 1 << 9, PCE = 1 << 10, M = 1 << 12;

    private UsartFraming() {
    }

    /**
     * The framing, or null while BRR is 0. With PCE the parity bit takes the word's top bit (M=0: 7
     * data bits + parity). Half and one-and-a-half stop bits (smartcard) are drawn as 1 and 2.
     */
    static UartWaveform.Framing of(Usart usart) {
        long baud = usart.baud();
        if (baud <= 0) {
            return null;
        }
        int cr1 = usart.read(Usart.CR1, 4, BusMaster.DEBUG);
        int cr2 = usart.read(Usart.CR2, 4, BusMaster.DEBUG);
        int word = (cr1 & M) != 0 ? 9 : 8;
        boolean parity = (cr1 & PCE) != 0;
        UartWaveform.Parity kind = !parity ? UartWaveform.Parity.NONE
                : (cr1 & PS) != 0 ? UartWaveform.Parity.ODD : UartWaveform.Parity.EVEN;
        int stop = switch (cr2 >>> 12 & 3) {
            case 2, 3 -> 2;
            default -> 1;
        };
        return new UartWaveform.Framing(baud, parity ? word - 1 : word, kind, stop);
    }
}
