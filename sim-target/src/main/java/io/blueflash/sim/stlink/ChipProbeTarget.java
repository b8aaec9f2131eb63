package io.blueflash.sim.stlink;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.debug.JtagScanPricedPort;
import io.blueflash.sim.probe.ApFaultException;
import io.blueflash.sim.probe.SwdProbeEngine;
import io.blueflash.sim.probe.SwdProbeException;
import io.blueflash.sim.probe.SwdWaitTimeoutException;
import java.util.function.Supplier;

/**
 * The emulated firmware's SWD side on the simulated chip: MEM-AP, DP/AP and core-register work
 * through {@link SwdProbeEngine} (CONTRACTS C2), NRST and the SWD clock on the chip itself.
 * Like real ST-Link firmware it gives up after a few WAIT acknowledgements in a row and reports
 * SWD_AP_WAIT to the host (OpenOCD: the status appears "if an SWD read or write received a WAIT
 * ACK response from the target more than 4 times in a row").
 */
final class ChipProbeTarget implements ProbeTarget {

    /** WAIT acknowledgements the firmware retries before reporting a WAIT status. */
    static final int FIRMWARE_WAIT_RETRIES = 4;

    /** The ST-Link's JTAG clock before any JTAG_SET_FREQ: divisor 32, 1125 kHz. */
    static final long DEFAULT_JTAG_HZ = 1_125_000L;

    private final Stm32F103 chip;
    private final SwdProbeEngine swdEngine;
    private final SwdProbeEngine jtagEngine;
    private SwdProbeEngine engine;
    private long jtagHz = DEFAULT_JTAG_HZ;

    ChipProbeTarget(Stm32F103 chip) {
        this.chip = chip;
        this.swdEngine = new SwdProbeEngine(chip.swd());
        this.jtagEngine = new SwdProbeEngine(new JtagScanPricedPort(chip.debugPort().withoutWireCost(), chip.clock(),
                () -> jtagHz));
        swdEngine.setWaitRetryLimit(FIRMWARE_WAIT_RETRIES);
        jtagEngine.setWaitRetryLimit(FIRMWARE_WAIT_RETRIES);
        this.engine = swdEngine;
    }

    @Override
    public int connect() {
        engine = swdEngine;
        return call(engine::connect, 0, true);
    }

    /** The same DP and AP model behind the JTAG-DP; its accesses priced as JTAG scans ({@link JtagScanPricedPort}). */
    @Override
    public int connectJtag() {
        engine = jtagEngine;
        return jtagIdcode(call(engine::connect, 0, true));
    }

    @Override
    public void setJtagFrequencyHz(long hz) {
        jtagHz = hz;
    }

    /** In JTAG mode DP register 0 is what READ_IDCODES reports: the JTAG-DP's IDCODE. */
    @Override
    public int readDp(int address) {
        int value = call(() -> engine.readDp(address), 0, true);
        return engine == jtagEngine && address == 0 ? jtagIdcode(value) : value;
    }

    /**
     * The JTAG-DP IDCODE that goes with an SW-DP DPIDR (facts §C.5: genuine 0x1BA01477 / 0x3BA00477,
     * APM32 0x2BA01477 / 0x4BA00477, 2 apart in the version field).
     */
    static int jtagIdcode(int dpidr) {
        return ((dpidr >>> 28) + 2) << 28 | 0x0BA0_0477;
    }

    @Override
    public void writeDp(int address, int value) {
        call(() -> {
            engine.writeDp(address, value);
            return null;
        }, 0, true);
    }

    @Override
    public int readAp(int apsel, int address) {
        return call(() -> engine.readAp(apsel, address), 0, false);
    }

    @Override
    public void writeAp(int apsel, int address, int value) {
        call(() -> {
            engine.writeAp(apsel, address, value);
            return null;
        }, 0, false);
    }

    @Override
    public byte[] readBlock(int address, int length, int width) {
        return call(() -> engine.readBlock(address, length, width), address, false);
    }

    @Override
    public void writeBlock(int address, byte[] data, int width) {
        call(() -> {
            engine.writeBlock(address, data, width);
            return null;
        }, address, false);
    }

    @Override
    public int readCoreRegister(int regsel) {
        return call(() -> engine.readCoreRegister(regsel), 0, false);
    }

    @Override
    public void writeCoreRegister(int regsel, int value) {
        call(() -> {
            engine.writeCoreRegister(regsel, value);
            return null;
        }, 0, false);
    }

    @Override
    public void setNrst(boolean asserted) {
        chip.setNrst(asserted);
    }

    @Override
    public void setSwdFrequencyHz(long hz) {
        chip.setSwdFrequencyHz(hz);
    }

    @Override
    public void advanceNanos(long nanos) {
        chip.clock().advance(nanos);
    }

    @Override
    public long nanos() {
        return chip.clock().nanos();
    }

    /**
     * Maps the engine's failures onto the firmware's view: FAULT with its bus address, WAIT beyond
     * the firmware's patience ({@link SwdWaitTimeoutException}), or no answer at all (any other
     * {@link SwdProbeException}).
     */
    private <T> T call(Supplier<T> operation, int address, boolean dp) {
        try {
            return operation.get();
        } catch (ApFaultException e) {
            // a FAULT on an AP register access is an AP fault (SWD_AP_FAULT) even without a bus address
            throw new TargetFault(e.address() == -1 ? address : e.address(), dp, e.getMessage());
        } catch (SwdWaitTimeoutException e) {
            throw new TargetWait(address, dp, e.getMessage());
        } catch (SwdProbeException e) {
            throw new TargetUnreachable(e.getMessage());
        }
    }
}
