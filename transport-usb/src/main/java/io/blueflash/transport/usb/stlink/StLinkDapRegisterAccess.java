package io.blueflash.transport.usb.stlink;

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
 */
public final class StLinkDapRegisterAccess implements DapRegisterAccess {

    private final StLinkProtocol protocol;
    private int select;
    private int postedApValue;

    public StLinkDapRegisterAccess(StLinkProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "'protocol' must not be null");
    }

    @Override
    public int readDp(int address) {
        if (address == DP_RDBUFF) {
            return postedApValue;
        }
        return protocol.readDapRegister(StLinkCommand.DAP_PORT_DP, address);
    }

    @Override
    public void writeDp(int address, int value) {
        if (address == DP_SELECT) {
            select = value;
            return;
        }
        protocol.writeDapRegister(StLinkCommand.DAP_PORT_DP, address, value);
    }

    @Override
    public int readAp(int address) {
        int previous = postedApValue;
        postedApValue = protocol.readDapRegister(apsel(), bank() | (address & 0xC));
        return previous;
    }

    @Override
    public void writeAp(int address, int value) {
        protocol.writeDapRegister(apsel(), bank() | (address & 0xC), value);
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
