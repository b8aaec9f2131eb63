package io.blueflash.transport.usb.stlink;

import io.blueflash.port.out.DapFaultException;
import io.blueflash.port.out.DapRegisterAccess;
import java.util.Objects;

/**
 * {@link DapRegisterAccess} over READ_DAP_REG / WRITE_DAP_REG (firmware J24+, facts §D.4).
 *
 * <p>The probe is not a wire-level DP: it takes the AP number with each command, manages SELECT
 * itself and resolves posted AP reads, returning the value of <em>this</em> read. To keep the
 * port's wire semantics (facts §C.3) this adapter remembers SELECT writes (APSEL and APBANKSEL)
 * locally, returns the <em>previous</em> AP read's value from {@link #readAp}, and answers a DP
 * RDBUFF read with the last AP read's value without a USB round trip. There is no line-reset
 * command: {@link #lineReset()} reads DPIDR through READ_IDCODES.
 *
 * <p>Sticky errors: the probe's firmware handles a FAULT itself and may already have cleared
 * STICKYERR when it reports the fault status. So that callers such as {@code debug.adi} see
 * the wire behaviour (facts §C.2: STICKYERR stays set until ABORT.STKERRCLR), a FAULT status
 * sets a shadow STICKYERR that CTRL/STAT reads include until an ABORT write clears it.
 */
public final class StLinkDapRegisterAccess implements DapRegisterAccess {

    private final StLinkProtocol protocol;
    private int select;
    private int postedApValue;
    private boolean stickyError;

    /** CTRL/STAT.STICKYERR and ABORT.STKERRCLR (facts §C.2). */
    static final int STICKYERR = 1 << 5, STKERRCLR = 1 << 2;

    public StLinkDapRegisterAccess(StLinkProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "'protocol' must not be null");
    }

    @Override
    public int readDp(int address) {
        if (address == DP_RDBUFF) {
            return postedApValue;
        }
        int value = protocol.readDapRegister(StLinkCommand.DAP_PORT_DP, address);
        return address == DP_CTRL_STAT && stickyError ? value | STICKYERR : value;
    }

    @Override
    public void writeDp(int address, int value) {
        if (address == DP_SELECT) {
            select = value;
            return;
        }
        if (address == DP_ABORT && (value & STKERRCLR) != 0) {
            stickyError = false;
        }
        protocol.writeDapRegister(StLinkCommand.DAP_PORT_DP, address, value);
    }

    @Override
    public int readAp(int address) {
        int previous = postedApValue;
        try {
            postedApValue = protocol.readDapRegister(apsel(), bank() | (address & 0xC));
        } catch (DapFaultException e) {
            stickyError = true;
            throw e;
        }
        return previous;
    }

    @Override
    public void writeAp(int address, int value) {
        try {
            protocol.writeDapRegister(apsel(), bank() | (address & 0xC), value);
        } catch (DapFaultException e) {
            stickyError = true;
            throw e;
        }
    }

    @Override
    public int lineReset() {
        return protocol.readIdCode();
    }

    private int apsel() {
        return select >>> 24;
    }

    private int bank() {
        return select & 0xF0;
    }
}
