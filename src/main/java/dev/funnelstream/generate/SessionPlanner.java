package dev.funnelstream.generate;

import java.util.Arrays;

/**
 * Plans a shopper's visit: a few views that wander through related products, sometimes a cart
 * (rarely undone), sometimes a purchase of what was carted, sometimes a purchase without a cart.
 * The probabilities are tuned so that rows come out near 94% view, 4% cart, 2% purchase.
 */
final class SessionPlanner {
    private static final double ONE_VIEW = 0.40;
    private static final double SHORT_VISIT = 0.93;
    private static final int MAX_VIEWS = 300;
    private static final double CARTS = 0.155;
    private static final double SECOND_ITEM = 0.25;
    private static final double THIRD_ITEM = 0.30;
    private static final double REMOVE = 0.075;
    private static final double BUY_AFTER_CART = 0.42;
    private static final double BUY_WITHOUT_CART = 0.025;
    /** The real files repeat a row in the same second now and then, carts most of all. */
    private static final double CART_REPEAT = 0.006;
    private static final double VIEW_REPEAT = 0.0002;
    private static final double NO_SESSION = 0.0001;

    private static final GapTable VIEW_GAP = new GapTable(30, 1.0, 1, 1800);
    private static final GapTable CART_GAP = new GapTable(8, 0.8, 1, 300);
    private static final GapTable CHECKOUT_GAP = new GapTable(150, 0.8, 20, 1800);

    private final Rng rng;
    private final Catalog catalog;
    private final UserPool users;
    private final long lastSecond;

    private long[] times = new long[64];
    private int[] products = new int[64];
    private byte[] kinds = new byte[64];
    private int count;
    private int limit;
    private final int[] inBasket = new int[3];

    /** A planner whose events never go past {@code lastSecond} (the range's last second). */
    SessionPlanner(Rng rng, Catalog catalog, UserPool users, long lastSecond) {
        this.rng = rng;
        this.catalog = catalog;
        this.users = users;
        this.lastSecond = lastSecond;
    }

    /** A session starting at {@code start} with at most {@code maxEvents} events (cut at the end). */
    ShopSession plan(long start, long seq, long maxEvents) {
        count = 0;
        limit = (int) Math.min(maxEvents, Integer.MAX_VALUE);
        long user = users.pick(rng);
        String uuid = Uuids.version4(rng.nextLong(), rng.nextLong());
        int views = views();
        int items = rng.chance(CARTS) ? Math.min(views, cartItems()) : 0;
        int cartsDone = 0;
        int basket = 0;
        long t = start;
        int product = catalog.popular(rng);
        for (int i = 0; i < views; i++) {
            if (i > 0) {
                t += VIEW_GAP.draw(rng);
                product = catalog.browse(product, rng);
            }
            add(Kinds.VIEW, product, t, VIEW_REPEAT);
            // Choose which views lead to a cart so that exactly `items` of them do.
            if (cartsDone < items && rng.nextInt(views - i) < items - cartsDone) {
                cartsDone++;
                t += CART_GAP.draw(rng);
                add(Kinds.CART, product, t, CART_REPEAT);
                if (rng.chance(REMOVE)) {
                    t += CART_GAP.draw(rng);
                    add(Kinds.REMOVE_FROM_CART, product, t, 0);
                } else {
                    inBasket[basket++] = product;
                }
            }
        }
        if (basket > 0 && rng.chance(BUY_AFTER_CART)) {
            t += CHECKOUT_GAP.draw(rng);
            for (int i = 0; i < basket; i++) {
                add(Kinds.PURCHASE, inBasket[i], t, 0); // one order: all items in the same second
            }
        } else if (items == 0 && rng.chance(BUY_WITHOUT_CART)) {
            t += CHECKOUT_GAP.draw(rng);
            add(Kinds.PURCHASE, product, t, 0); // "buy now", straight from the product page
        }
        return new ShopSession(seq, user, uuid,
                Arrays.copyOf(times, count), Arrays.copyOf(products, count), Arrays.copyOf(kinds, count));
    }

    private int views() {
        double u = rng.nextDouble();
        if (u < ONE_VIEW) {
            return 1;
        }
        if (u < SHORT_VISIT) {
            return 2 + rng.geometric(0.3, MAX_VIEWS);
        }
        return Math.min(MAX_VIEWS, 8 + rng.geometric(0.05, MAX_VIEWS));
    }

    private int cartItems() {
        if (!rng.chance(SECOND_ITEM)) {
            return 1;
        }
        return rng.chance(THIRD_ITEM) ? 3 : 2;
    }

    private void add(byte kind, int product, long time, double repeatChance) {
        byte k = rng.chance(NO_SESSION) ? (byte) (kind | Kinds.NO_SESSION) : kind;
        int copies = 1;
        if (repeatChance > 0 && rng.chance(repeatChance)) {
            copies += kind == Kinds.CART ? 1 + rng.nextInt(5) : 1;
        }
        // Sessions that run past the range's end are squeezed into its last second.
        long at = Math.min(time, lastSecond);
        for (int c = 0; c < copies && count < limit; c++) {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
                products = Arrays.copyOf(products, count * 2);
                kinds = Arrays.copyOf(kinds, count * 2);
            }
            times[count] = at;
            products[count] = product;
            kinds[count] = k;
            count++;
        }
    }
}
