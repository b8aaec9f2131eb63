package io.blueflash.sim.bus;

/**
 * The NVIC's external interrupt inputs as peripherals see them (PM0056 §4.3; RM0008 §10.1.2 vector
 * table: IRQ0 WWDG ... IRQ37 USART1 ...). A peripheral raises its line while its enabled event flag
 * is set and lowers it when the flag clears; the NVIC latches a rising line as pending.
 */
public interface InterruptLines {

    /** A core that ignores every line (no executing core attached yet). */
    InterruptLines NONE = (irq, asserted) -> { };

    /** Drives IRQ {@code irq} (0-based, not the exception number) high or low. */
    void setLine(int irq, boolean asserted);
}
