package dev.funnelstream.read;

import java.util.List;

/** The nine REES46 columns, in the canonical order used once a row is read. */
public final class Columns {
    public static final List<String> NAMES = List.of(
            "event_time", "event_type", "product_id", "category_id", "category_code",
            "brand", "price", "user_id", "user_session");

    public static final int EVENT_TIME = 0;
    public static final int EVENT_TYPE = 1;
    public static final int PRODUCT_ID = 2;
    public static final int CATEGORY_ID = 3;
    public static final int CATEGORY_CODE = 4;
    public static final int BRAND = 5;
    public static final int PRICE = 6;
    public static final int USER_ID = 7;
    public static final int USER_SESSION = 8;
    public static final int COUNT = 9;

    private Columns() {
    }
}
