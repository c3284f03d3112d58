package dev.funnelstream.cli;

/** A mistake the user can fix (bad flag value, missing file, busy port): one line, no stack trace. */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
