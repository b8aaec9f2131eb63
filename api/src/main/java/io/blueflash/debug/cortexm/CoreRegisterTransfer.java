package io.blueflash.debug.cortexm;

/**
 * A probe's own command for one core register transfer (ST-Link READREG / WRITEREG), which does the
 * DCRSR / DCRDR / S_REGRDY handshake in its firmware. It accelerates {@link CortexMCoreControl}; the
 * rules around it (halted core, valid REGSEL) stay there.
 */
public interface CoreRegisterTransfer {

    int readCoreRegister(int regsel);

    void writeCoreRegister(int regsel, int value);
}
