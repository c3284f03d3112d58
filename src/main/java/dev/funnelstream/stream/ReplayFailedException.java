package dev.funnelstream.stream;

/** Kafka refused the replay's rows; nothing of the failed transaction is visible to readers. */
public class ReplayFailedException extends RuntimeException {
    public ReplayFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
