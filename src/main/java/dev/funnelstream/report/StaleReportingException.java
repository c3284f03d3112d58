package dev.funnelstream.report;

/** The reporting layer is behind raw.events (or missing) and this connection may not rebuild it. */
public final class StaleReportingException extends RuntimeException {
    public StaleReportingException(String message) {
        super(message);
    }
}
