package io.blueflash.sim.cpu;

/**
 * The clock and flash-interface settings the core's timing depends on, owned by the chip's RCC and
 * FLASH_ACR models (RM0008 §7.3, §3.3.3; facts §2.4, §5.2). The core reads them at the start of
 * every run batch and after each access to a peripheral, so a firmware switching to the PLL sees
 * its next instructions at the new speed.
 */
public interface CpuClocking {

    /** The chip straight out of reset: HSI 8 MHz, zero wait states, prefetch buffer on (FLASH_ACR = 0x30). */
    CpuClocking RESET_DEFAULTS = new CpuClocking() {
        @Override
        public long hclkHz() {
            return 8_000_000L;
        }

        @Override
        public int flashLatency() {
            return 0;
        }

        @Override
        public boolean prefetchEnabled() {
            return true;
        }
    };

    /** HCLK (the core clock) in Hz. */
    long hclkHz();

    /** FLASH_ACR.LATENCY: wait states of a flash line read (0, 1 or 2). */
    int flashLatency();

    /** FLASH_ACR.PRFTBS: the prefetch buffer is on. */
    boolean prefetchEnabled();
}
