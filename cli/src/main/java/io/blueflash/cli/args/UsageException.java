package io.blueflash.cli.args;

/** The command line asks for something inconsistent; exit code 1 with this message. */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
