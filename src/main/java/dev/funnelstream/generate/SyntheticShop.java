package dev.funnelstream.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A deterministic synthetic shop: yields REES46-format events in time order, one row per
 * {@link #next()}, exactly {@code events} rows in all. Sessions are planned an hour at a time and
 * played out through a queue, so memory stays bounded however many rows are asked for.
 */
public final class SyntheticShop {
    /** The REES46 header line, without its line feed. */
    public static final String HEADER =
            "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session";

    private static final int MIN_CATALOG = 3_000;
    private static final int MAX_CATALOG = 40_000;

    private final Catalog catalog;
    private final HourlyBudget budget;
    private final SessionPlanner planner;
    private final Rng startRng;
    private final SessionQueue open = new SessionQueue();
    private final TimeText time = new TimeText();
    private int nextHour;
    private long nextSeq;
    private long ordinal;

    private ShopSession current;
    private long currentTime;
    private byte currentKind;
    private Product currentProduct;
    private byte[] line = new byte[256];
    private int lineLength;
    private String lineText;

    public SyntheticShop(GeneratorSettings settings) {
        int catalogSize = (int) Math.max(MIN_CATALOG, Math.min(MAX_CATALOG, settings.events() / 1000));
        this.catalog = Catalog.build(settings.seed(), catalogSize);
        this.budget = new HourlyBudget(settings);
        UserPool users = new UserPool(settings.events());
        long lastSecond = settings.months().endEpochSecond() - 1;
        this.planner = new SessionPlanner(Rng.stream(settings.seed(), 2), catalog, users, lastSecond);
        this.startRng = Rng.stream(settings.seed(), 3);
    }

    /** Moves to the next row; false when all rows have been produced. */
    public boolean next() {
        if (current != null) {
            if (current.advance()) {
                open.topChanged();
            } else {
                open.removeTop();
            }
        }
        // Plan an hour before any event at or after its start is played out.
        while (nextHour < budget.hours() && (open.isEmpty() || open.peek().time() >= budget.hourStart(nextHour))) {
            planHour(nextHour++);
        }
        if (open.isEmpty()) {
            current = null;
            return false;
        }
        current = open.peek();
        currentTime = current.time();
        currentKind = current.kind();
        currentProduct = catalog.product(current.product());
        ordinal++;
        buildLine();
        return true;
    }

    private void planHour(int hour) {
        long left = budget.events(hour);
        long start = budget.hourStart(hour);
        while (left > 0) {
            ShopSession s = planner.plan(start + startRng.nextInt(3600), nextSeq++, left);
            left -= s.size();
            open.add(s);
        }
    }

    private void buildLine() {
        byte[] product = currentProduct.csv();
        byte[] suffix = Kinds.hasSession(currentKind) ? current.suffix : current.suffixNoSession;
        byte[] type = Kinds.bytes(currentKind);
        int needed = TimeText.LENGTH + 1 + type.length + 1 + product.length + suffix.length + 1;
        if (needed > line.length) {
            line = Arrays.copyOf(line, needed * 2);
        }
        System.arraycopy(time.bytes(currentTime), 0, line, 0, TimeText.LENGTH);
        int at = TimeText.LENGTH;
        line[at++] = ',';
        System.arraycopy(type, 0, line, at, type.length);
        at += type.length;
        line[at++] = ',';
        System.arraycopy(product, 0, line, at, product.length);
        at += product.length;
        System.arraycopy(suffix, 0, line, at, suffix.length);
        lineLength = at + suffix.length;
        lineText = null;
    }

    /** 1-based number of the current row. */
    public long ordinal() {
        return ordinal;
    }

    /** The current row's event time as UTC epoch seconds. */
    public long epochSecond() {
        return currentTime;
    }

    /** The current row as CSV text, without the line feed. */
    public String line() {
        if (lineText == null) {
            lineText = new String(line, 0, lineLength, StandardCharsets.US_ASCII);
        }
        return lineText;
    }

    /** Writes the current row and a line feed, as ASCII bytes, without building a String. */
    void writeLine(OutputStream out) throws IOException {
        line[lineLength] = '\n';
        out.write(line, 0, lineLength + 1);
    }

    public String eventTime() {
        return time.text();
    }

    public String eventType() {
        return Kinds.name(currentKind);
    }

    public String productId() {
        return currentProduct.productId();
    }

    public String categoryId() {
        return currentProduct.categoryId();
    }

    /** category_code, or null when the product's category has none. */
    public String categoryCode() {
        return currentProduct.categoryCode();
    }

    /** brand, or null. */
    public String brand() {
        return currentProduct.brand();
    }

    public String price() {
        return currentProduct.price();
    }

    public String userId() {
        return current.userId;
    }

    /** user_session, or null for the rare rows without one. */
    public String userSession() {
        return Kinds.hasSession(currentKind) ? current.uuid : null;
    }

    /** The current row's nine fields in {@link dev.funnelstream.read.Columns} order, empty ones null. */
    public String[] fields() {
        return new String[] {
                eventTime(), eventType(), productId(), categoryId(), categoryCode(),
                brand(), price(), userId(), userSession()};
    }
}
