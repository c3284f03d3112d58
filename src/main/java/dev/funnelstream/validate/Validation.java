package dev.funnelstream.validate;

/** The outcome of validating one row: an event, or the reason it is quarantined. */
public sealed interface Validation {

    /** The row is a valid event. */
    record Valid(RawEvent event) implements Validation {
    }

    /** The row is quarantined; {@code detail} says what was wrong, in a few words. */
    record Rejected(QuarantineReason reason, String detail) implements Validation {
    }
}
