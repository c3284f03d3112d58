package dev.funnelstream.stream;

/** Kafka could not be reached or refused an operation; the message is one line for the user. */
public class KafkaUnavailableException extends RuntimeException {
    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
