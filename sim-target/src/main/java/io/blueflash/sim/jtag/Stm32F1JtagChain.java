package io.blueflash.sim.jtag;

import io.blueflash.sim.debug.SwdTransactionPort;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The STM32F1 JTAG chain (RM0008 "JTAG TAP connection"; facts §C.5): TDI → boundary-scan TAP
 * (IR 5 bits) → Cortex-M3 JTAG-DP (IR 4 bits) → TDO. OpenOCD's {@code target/stm32f1x.cfg} declares
 * the DP first because OpenOCD lists TAPs from TDO.
 */
public final class Stm32F1JtagChain {

    private Stm32F1JtagChain() {
    }

    /**
     * @param swd         the chip's DP/AP model
     * @param devId       DBGMCU_IDCODE DEV_ID (0x410 medium density), for the boundary-scan IDCODE
     * @param dpIdcode    JTAG-DP IDCODE: 0x3BA00477 genuine, 0x4BA00477 APM32 (facts §C.5)
     */
    public static JtagScanChain create(SwdTransactionPort swd, int devId, int dpIdcode) {
        return create(swd, devId, dpIdcode, () -> true);
    }

    /**
     * @param jtagPinsRouted true while the chip leaves JTDI/JTDO to the chain (AFIO_MAPR.SWJ_CFG 000 or 001,
     *                       RM0008 §9.3.5)
     */
    public static JtagScanChain create(SwdTransactionPort swd, int devId, int dpIdcode, BooleanSupplier jtagPinsRouted) {
        return new JtagScanChain(List.of(BoundaryScanTap.forDeviceId(devId), new ArmJtagDp(swd, dpIdcode)),
                jtagPinsRouted);
    }
}
