package dev.funnelstream.read;

/** An input that cannot be read (any further); the message is one line meant for the user. */
public class InputFileException extends Exception {
    public InputFileException(String message) {
        super(message);
    }

    public InputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
