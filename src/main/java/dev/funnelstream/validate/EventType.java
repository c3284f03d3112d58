package dev.funnelstream.validate;

/** The four REES46 event types, spelled as in the data. */
public enum EventType {
    VIEW("view"), CART("cart"), REMOVE_FROM_CART("remove_from_cart"), PURCHASE("purchase");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name as it appears in the files, on Kafka and in the warehouse. */
    public String wireName() {
        return wireName;
    }

    /** The type with this exact (case-sensitive) name, or null. */
    public static EventType fromWireName(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "view" -> VIEW;
            case "cart" -> CART;
            case "remove_from_cart" -> REMOVE_FROM_CART;
            case "purchase" -> PURCHASE;
            default -> null;
        };
    }
}
