package dev.funnelstream.generate;

import java.nio.charset.StandardCharsets;

/** The event types as small codes, so a planned session is a few primitive arrays. */
final class Kinds {
    static final byte VIEW = 0;
    static final byte CART = 1;
    static final byte REMOVE_FROM_CART = 2;
    static final byte PURCHASE = 3;
    /** Or-ed onto a kind: this row has an empty user_session, as a handful of real rows do. */
    static final byte NO_SESSION = 8;
    private static final int TYPE_MASK = 7;

    private static final String[] NAMES = {"view", "cart", "remove_from_cart", "purchase"};
    private static final byte[][] BYTES = {
            ascii(NAMES[0]), ascii(NAMES[1]), ascii(NAMES[2]), ascii(NAMES[3])};

    private Kinds() {
    }

    static String name(byte kind) {
        return NAMES[kind & TYPE_MASK];
    }

    static byte[] bytes(byte kind) {
        return BYTES[kind & TYPE_MASK];
    }

    static boolean hasSession(byte kind) {
        return (kind & NO_SESSION) == 0;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
