package io.blueflash.sim.chip;

/** Which datasheet column the flash timing uses (DS5319 Tables 28/29, facts §B.8). */
public enum TimingCorner {
    MIN, TYP, MAX
}
