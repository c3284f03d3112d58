package dev.funnelstream.validate;

/** Why a row was quarantined; the wire names are what users see in status and the warehouse. */
public enum QuarantineReason {
    LINE_TOO_LONG("line_too_long"),
    BAD_ENCODING("bad_encoding"),
    FIELD_COUNT("field_count"),
    BAD_EVENT_TIME("bad_event_time"),
    BAD_EVENT_TYPE("bad_event_type"),
    BAD_ID("bad_id"),
    BAD_PRICE("bad_price"),
    /** A record on the raw topic that is not a valid raw event (written by someone else). */
    BAD_RECORD("bad_record");

    private final String wireName;

    QuarantineReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The reason with this wire name; unknown names are a programming error. */
    public static QuarantineReason fromWireName(String name) {
        for (QuarantineReason r : values()) {
            if (r.wireName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown quarantine reason: " + name);
    }
}
