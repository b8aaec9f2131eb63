package io.blueflash.sim.adapter;

import io.blueflash.port.out.DapFaultException;
import io.blueflash.port.out.DapRegisterAccess;
import io.blueflash.port.out.DapWaitTimeoutException;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.sim.debug.SwdResponse;
import io.blueflash.sim.debug.SwdTransactionPort;

/**
 * {@link DapRegisterAccess} over the simulated chip's SW-DP: wire semantics unchanged (posted AP
 * reads, SELECT by the caller, sticky errors until ABORT). WAIT is retried up to a bound, then a
 * DAPABORT is written and {@link DapWaitTimeoutException} raised (facts §C.1); FAULT becomes
 * {@link DapFaultException}; no response becomes {@link TargetCommunicationException}.
 */
final class SimDapRegisterAccess implements DapRegisterAccess {

    static final int DEFAULT_WAIT_RETRIES = 1000;

    private final SwdTransactionPort swd;
    private final int waitRetries;
    private final Runnable beforeTransaction;

    SimDapRegisterAccess(SwdTransactionPort swd, int waitRetries) {
        this(swd, waitRetries, () -> { });
    }

    /** @param beforeTransaction runs before every transaction; may throw to stop the session (a signal) */
    SimDapRegisterAccess(SwdTransactionPort swd, int waitRetries, Runnable beforeTransaction) {
        this.swd = swd;
        this.waitRetries = waitRetries;
        this.beforeTransaction = beforeTransaction;
    }

    @Override
    public int readDp(int address) {
        return transact(false, true, address, 0);
    }

    @Override
    public void writeDp(int address, int value) {
        transact(false, false, address, value);
    }

    @Override
    public int readAp(int address) {
        return transact(true, true, address, 0);
    }

    @Override
    public void writeAp(int address, int value) {
        transact(true, false, address, value);
    }

    @Override
    public int lineReset() {
        swd.lineReset();
        return readDp(DP_DPIDR);
    }

    private int transact(boolean ap, boolean read, int address, int value) {
        beforeTransaction.run();
        for (int attempt = 0; ; attempt++) {
            SwdResponse response = read ? swd.read(ap, address) : swd.write(ap, address, value);
            switch (response.ack()) {
                case OK -> {
                    return response.data();
                }
                case WAIT -> {
                    if (attempt >= waitRetries) {
                        swd.write(false, DP_ABORT, 1);
                        throw new DapWaitTimeoutException(String.format(
                                "the simulated target answered WAIT %d times to %s; transfer aborted (DAPABORT)",
                                attempt + 1, describe(ap, read, address)));
                    }
                }
                case FAULT -> throw new DapFaultException(String.format(
                        "SWD FAULT on %s: a sticky error is set (clear it with ABORT)", describe(ap, read, address)));
                case NO_RESPONSE -> throw new TargetCommunicationException(noResponse(ap, read, address));
            }
        }
    }

    /**
     * No ACK. To the DPIDR read that follows a line reset only a DP that does not hear the wire keeps silent:
     * no power, or firmware that gave SWDIO/SWCLK to GPIO (AFIO_MAPR.SWJ_CFG = 100, RM0008 §9.3.5), which
     * holding NRST low undoes (SWJ_CFG's reset value is 000), so connect under reset is the way in.
     */
    private static String noResponse(boolean ap, boolean read, int address) {
        if (!ap && read && address == DP_DPIDR) {
            return "no response from the simulated target to the DPIDR read after a line reset (ACK 0b111): its SW-DP "
                    + "does not hear SWDIO/SWCLK. Firmware that gives those pins to GPIO (AFIO_MAPR.SWJ_CFG = 100, "
                    + "RM0008 §9.3.5) locks a debugger out once it runs; NRST held low "
                    + "restores SWJ_CFG's reset value, so connect under reset (--connect-under-reset)";
        }
        return String.format("no response from the simulated target on %s (ACK 0b111): it needs a line reset and a "
                + "DPIDR read, or it has no power, or its firmware gave SWDIO/SWCLK to GPIO (AFIO_MAPR.SWJ_CFG = 100, "
                + "RM0008 §9.3.5; --connect-under-reset gets back in)", describe(ap, read, address));
    }

    private static String describe(boolean ap, boolean read, int address) {
        return String.format("%s %s 0x%X", ap ? "AP" : "DP", read ? "read" : "write", address);
    }
}
