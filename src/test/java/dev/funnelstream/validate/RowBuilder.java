package dev.funnelstream.validate;

import dev.funnelstream.read.Columns;
import dev.funnelstream.read.RawRow;

/** A valid REES46 row, in {@link Columns} order, that a test changes one field at a time. */
public final class RowBuilder {
    private final String[] fields = {
        "2019-10-01 00:00:00 UTC", "view", "44600062", "2103807459595387724",
        "appliances.environment.water_heater", "shiseido", "35.79", "541312140",
        "72d76fde-8bb3-4e00-8c23-a032dfed738c"};

    private RowBuilder() {
    }

    public static RowBuilder aValidRow() {
        return new RowBuilder();
    }

    public RowBuilder eventTime(String value) {
        return with(Columns.EVENT_TIME, value);
    }

    public RowBuilder eventType(String value) {
        return with(Columns.EVENT_TYPE, value);
    }

    public RowBuilder productId(String value) {
        return with(Columns.PRODUCT_ID, value);
    }

    public RowBuilder categoryId(String value) {
        return with(Columns.CATEGORY_ID, value);
    }

    public RowBuilder categoryCode(String value) {
        return with(Columns.CATEGORY_CODE, value);
    }

    public RowBuilder brand(String value) {
        return with(Columns.BRAND, value);
    }

    public RowBuilder price(String value) {
        return with(Columns.PRICE, value);
    }

    public RowBuilder userId(String value) {
        return with(Columns.USER_ID, value);
    }

    public RowBuilder userSession(String value) {
        return with(Columns.USER_SESSION, value);
    }

    public RowBuilder with(int column, String value) {
        fields[column] = value;
        return this;
    }

    /** A copy of the nine fields. */
    public String[] fields() {
        return fields.clone();
    }

    /** The row as a reader hands it over. */
    public RawRow rawRow() {
        return new RawRow("test.csv", 1, 2, String.join(",", fields), fields(), null);
    }
}
