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

    /**
     * Read-out protection is in force; {@code cause} is the fault it produced, if any. Front ends
     * say how to remove it: the core names no command.
     */
    public static FlashProtectedException readProtected(Throwable cause) {
        String message = "the chip is read-protected (RDP): reads of its flash through the debug port fail, "
                + "and programming and erasing are refused";
        return cause == null ? new FlashProtectedException(Kind.READ_PROTECTED, message)
                : new FlashProtectedException(Kind.READ_PROTECTED, message, cause);
    }

    public Kind kind() {
        return kind;
    }
}
