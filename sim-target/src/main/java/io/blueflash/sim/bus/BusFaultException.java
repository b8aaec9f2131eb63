package io.blueflash.sim.bus;

/**
 * An AHB error response (facts §B.3, §B.4, §B.6): unmapped address, wrong FPEC key, non-half-word
 * write under PG, debug read of read-protected flash. Behind the AHB-AP it becomes STICKYERR.
 */
public final class BusFaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int address;

    public BusFaultException(int address, String reason) {
        super(String.format("bus error at 0x%08X: %s", address, reason));
        this.address = address;
    }

    public int address() {
        return address;
    }
}
