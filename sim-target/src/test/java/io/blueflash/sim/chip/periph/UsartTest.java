package io.blueflash.sim.chip.periph;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.bus.InterruptLines;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.bus.SystemBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** USART1–3 (RM0008 §27) through the CPU bus, timed by the clock tree. */
class UsartTest {

    private static final int USART1 = 0x4001_3800, USART2 = 0x4000_4400;
    private static final int SR = 0x00, DR = 0x04, BRR = 0x08, CR1 = 0x0C;
    private static final int TXE = 1 << 7, TC = 1 << 6, RXNE = 1 << 5, ORE = 1 << 3, IDLE = 1 << 4;
    private static final int UE = 1 << 13, TE = 1 << 3, RE = 1 << 2, TXEIE = 1 << 7, RXNEIE = 1 << 5;
    private static final int RCC = 0x4002_1000;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SystemBus bus = chip.cpuBus();
    private final List<SimTraceEvent.UsartByte> sent = new ArrayList<>();
    private final Map<Integer, List<Boolean>> irqs = new TreeMap<>();

    UsartTest() {
        chip.usart(1).addListener(sent::add);
        chip.connectInterrupts((irq, high) -> irqs.computeIfAbsent(irq, k -> new ArrayList<>()).add(high));
    }

    /** libopencm3 RCC_CLOCK_HSE8_72MHZ: HSE x9, APB1 /2. */
    private void clock72MHz() {
        bus.write(RCC, 4, bus.read(RCC, 4) | 1 << 16);
        chip.clock().advance(2_000_000L);
        bus.write(RCC + 4, 4, 4 << 8 | 7 << 18 | 1 << 16);
        bus.write(RCC, 4, bus.read(RCC, 4) | 1 << 24);
        chip.clock().advance(200_000L);
        bus.write(RCC + 4, 4, bus.read(RCC + 4, 4) | 2);
        assertThat(chip.rcc().pclk2Hz()).isEqualTo(72_000_000L);
    }

    private void usart1At115200(int cr1) {
        bus.write(RCC + 0x18, 4, 1 << 14 | 1 << 2); // USART1EN, IOPAEN
        bus.write(USART1 + BRR, 4, 0x271);
        bus.write(USART1 + CR1, 4, cr1);
    }

    @Test
    void givenUsart1At115200From72MHz_whenThreeBytesWrittenWhenTxeAllows_thenDelivered86_8usApart() {
        clock72MHz();
        usart1At115200(UE | TE | RE);
        chip.clock().advance(100_000L); // the idle frame TE sends first
        long start = chip.clock().nanos();
        for (byte b : "Hi!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
            while ((bus.read(USART1 + SR, 4) & TXE) == 0) {
                chip.clock().advance(100L);
            }
            bus.write(USART1 + DR, 4, b);
        }
        while ((bus.read(USART1 + SR, 4) & TC) == 0) {
            chip.clock().advance(100L);
        }

        assertThat(sent).extracting(SimTraceEvent.UsartByte::data).containsExactly((int) 'H', (int) 'i', (int) '!');
        assertThat(sent.get(0).simNanos() - start).isBetween(86_800L, 86_900L);
        assertThat(sent.get(1).simNanos() - sent.get(0).simNanos()).isBetween(86_700L, 86_900L);
        assertThat(sent.get(2).simNanos() - sent.get(1).simNanos()).isBetween(86_700L, 86_900L);
        assertThat(chip.clock().nanos() - sent.get(2).simNanos()).isLessThanOrEqualTo(100L);
        assertThat(sent.get(0).text()).isEqualTo("USART1 TX 0x48 'H'");
    }

    @Test
    void givenByteInShifterAndOneInDr_whenTimePasses_thenTxeThenTcFollowTheWire() {
        usart1At115200(UE | TE);
        chip.clock().advance(1_000_000L);
        long frame = chip.usart(1).frameNanos(); // 8 MHz / 0x271 = 12800 baud: 781 us a frame
        bus.write(USART1 + DR, 4, 'a');
        assertThat(bus.read(USART1 + SR, 4) & (TXE | TC)).isEqualTo(TXE); // moved to the shifter at once
        bus.write(USART1 + DR, 4, 'b');
        assertThat(bus.read(USART1 + SR, 4) & (TXE | TC)).isZero();
        chip.clock().advance(frame);
        assertThat(bus.read(USART1 + SR, 4) & (TXE | TC)).isEqualTo(TXE);
        chip.clock().advance(frame);
        assertThat(bus.read(USART1 + SR, 4) & (TXE | TC)).isEqualTo(TXE | TC);
        assertThat(sent).hasSize(2);
        assertThat(frame).isEqualTo(10L * 0x271 * 1_000_000_000L / 8_000_000L);
    }

    @Test
    void givenTcSet_whenSrReadThenDrWritten_thenTcClearedUntilTheByteLeaves() {
        usart1At115200(UE | TE);
        chip.clock().advance(1_000_000L);
        bus.read(USART1 + SR, 4);
        bus.write(USART1 + DR, 4, 'x');
        assertThat(bus.read(USART1 + SR, 4) & TC).isZero();
    }

    @Test
    void givenHostSendsTwoBytes_whenFirstNotRead_thenOreAndDrKeepsTheFirst() {
        usart1At115200(UE | RE);
        chip.usart(1).hostSend((byte) 0x41, (byte) 0x42);
        long frame = chip.usart(1).frameNanos();
        chip.clock().advance(frame);
        assertThat(bus.read(USART1 + SR, 4) & (RXNE | ORE)).isEqualTo(RXNE);
        chip.clock().advance(frame);
        assertThat(bus.read(USART1 + SR, 4) & (RXNE | ORE)).isEqualTo(RXNE | ORE);
        assertThat(bus.read(USART1 + DR, 4)).isEqualTo(0x41);
        assertThat(bus.read(USART1 + SR, 4) & (RXNE | ORE)).isZero();
    }

    @Test
    void givenHostSendsOneByte_whenReadInTimeAndLineIdles_thenRxneClearedAndIdleSet() {
        usart1At115200(UE | RE);
        chip.usart(1).hostSend((byte) 0x7E);
        long frame = chip.usart(1).frameNanos();
        chip.clock().advance(frame);
        assertThat(bus.read(USART1 + DR, 4)).isEqualTo(0x7E);
        assertThat(bus.read(USART1 + SR, 4) & (RXNE | IDLE)).isZero();
        chip.clock().advance(frame);
        assertThat(bus.read(USART1 + SR, 4) & IDLE).isEqualTo(IDLE);
        bus.read(USART1 + DR, 4);
        assertThat(bus.read(USART1 + SR, 4) & IDLE).isZero();
    }

    @Test
    void givenReceiverOff_whenHostSends_thenByteLost() {
        usart1At115200(UE | TE);
        chip.usart(1).hostSend((byte) 1);
        chip.clock().advance(10_000_000L);
        assertThat(bus.read(USART1 + SR, 4) & RXNE).isZero();
    }

    @Test
    void givenInterruptEnables_whenFlagsRiseAndFall_thenUsart1LineIrq37FollowsThem() {
        usart1At115200(UE | TE | RE | TXEIE);
        assertThat(irqs.get(37)).containsExactly(true); // TXE is set at once
        bus.write(USART1 + CR1, 4, UE | TE | RE | RXNEIE);
        chip.usart(1).hostSend((byte) 0x55);
        chip.clock().advance(chip.usart(1).frameNanos());
        bus.read(USART1 + DR, 4);
        assertThat(irqs.get(37)).containsExactly(true, false, true, false);
    }

    @Test
    void givenUsart2OnApb1_whenClockTreeIs72MHzWithApb1Div2_thenBitTimeFromPclk1() {
        clock72MHz();
        bus.write(RCC + 0x1C, 4, 1 << 17);
        bus.write(USART2 + BRR, 4, 0x138); // 36 MHz / 115200 = 312.5
        assertThat(chip.usart(2).baud()).isEqualTo(36_000_000L / 0x138);
        assertThat(chip.usart(2).frameNanos()).isEqualTo(10L * 0x138 * 1_000_000_000L / 36_000_000L);
    }

    @Test
    void givenUnusedLines_whenNoInterruptEnabled_thenNothingRaised() {
        usart1At115200(UE | TE | RE);
        assertThat(irqs).isEmpty();
        assertThat(InterruptLines.NONE).isNotNull();
    }
}
