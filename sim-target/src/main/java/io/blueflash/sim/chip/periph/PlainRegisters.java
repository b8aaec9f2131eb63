package io.blueflash.sim.chip.periph;

import java.util.HashMap;
import java.util.Map;

/**
 * A peripheral the simulator does not model beyond its registers (timers, SPI, I2C, ADC, DMA ...):
 * it answers like silicon's register file instead of a bus error, reading back what was written
 * and starting from the reset values RM0008 gives, so start-up code that configures it runs on.
 * No flag ever changes by itself: firmware that waits for one (ADC EOC, SPI RXNE) waits forever.
 */
public final class PlainRegisters extends WordRegisters {

    private final String name;
    private final Map<Integer, Integer> resetValues;
    private final Map<Integer, Integer> words = new HashMap<>();

    /**
     * @param apb         behind an APB bridge (narrow writes duplicated, RM0008 §3.1)
     * @param resetValues word offset to reset value; every other register resets to 0
     */
    public PlainRegisters(String name, boolean apb, Map<Integer, Integer> resetValues) {
        super(apb);
        this.name = name;
        this.resetValues = Map.copyOf(resetValues);
        reset();
    }

    public String name() {
        return name;
    }

    @Override
    public void reset() {
        words.clear();
        words.putAll(resetValues);
    }

    @Override
    protected int readRegister(int offset) {
        return words.getOrDefault(offset, 0);
    }

    @Override
    protected void writeRegister(int offset, int value) {
        words.put(offset, value);
    }
}
