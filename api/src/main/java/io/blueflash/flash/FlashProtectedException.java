package io.blueflash.flash;

/** Read-out protection (RDP, facts §B.6) or write protection (WRP, facts §B.7) refused the operation. */
public class FlashProtectedException extends FlashException {

    private static final long serialVersionUID = 1L;

    /** Which protection. */
    public enum Kind { READ_PROTECTED, WRITE_PROTECTED }

    private final Kind kind;

    public FlashProtectedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FlashProtectedException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
