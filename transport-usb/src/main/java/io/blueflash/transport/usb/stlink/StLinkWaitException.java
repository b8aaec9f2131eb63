package io.blueflash.transport.usb.stlink;

/** A WAIT status (SWD_AP_WAIT, SWD_DP_WAIT, CMD_WAIT): the command may be sent again (facts §D.6). */
final class StLinkWaitException extends StLinkStatusException {

    private static final long serialVersionUID = 1L;

    StLinkWaitException(int status, String message) {
        super(status, message);
    }
}
