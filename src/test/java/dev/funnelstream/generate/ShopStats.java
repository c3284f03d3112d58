package dev.funnelstream.generate;

import java.util.HashMap;
import java.util.Map;

/** Counts taken in one pass over a synthetic shop's rows, for tests that check its shape. */
final class ShopStats {
    private static final int CART = 1;
    private static final int PURCHASE_AFTER_CART = 2;
    private static final int PURCHASE_WITHOUT_CART = 4;

    long rows;
    final Map<String, Long> types = new HashMap<>();
    long nullCategoryCode;
    long nullBrand;
    long nullSession;
    long exactRepeats;
    long outOfOrder;
    final long[] byHourOfDay = new long[24];
    long categoryIdsAbove2To53;
    long pricesWithTwoDecimals;
    long linesMatchingFields;
    private final Map<String, Integer> sessions = new HashMap<>();

    static ShopStats of(GeneratorSettings settings) {
        ShopStats stats = new ShopStats();
        SyntheticShop shop = new SyntheticShop(settings);
        String previous = null;
        long previousTime = Long.MIN_VALUE;
        while (shop.next()) {
            stats.rows++;
            String line = shop.line();
            if (line.equals(previous)) {
                stats.exactRepeats++;
            }
            previous = line;
            if (shop.epochSecond() < previousTime) {
                stats.outOfOrder++;
            }
            previousTime = shop.epochSecond();
            stats.add(shop);
        }
        return stats;
    }

    private void add(SyntheticShop shop) {
        String type = shop.eventType();
        types.merge(type, 1L, Long::sum);
        nullCategoryCode += shop.categoryCode() == null ? 1 : 0;
        nullBrand += shop.brand() == null ? 1 : 0;
        byHourOfDay[Integer.parseInt(shop.eventTime().substring(11, 13))]++;
        if (Long.parseLong(shop.categoryId()) > (1L << 53)) {
            categoryIdsAbove2To53++;
        }
        if (shop.price().matches("\\d+\\.\\d{2}")) {
            pricesWithTwoDecimals++;
        }
        if (String.join(",", emptyForNull(shop.fields())).equals(shop.line())) {
            linesMatchingFields++;
        }
        String session = shop.userSession();
        if (session == null) {
            nullSession++;
            return;
        }
        int flags = sessions.getOrDefault(session, 0);
        if (type.equals("cart")) {
            flags |= CART;
        } else if (type.equals("purchase")) {
            flags |= (flags & CART) != 0 ? PURCHASE_AFTER_CART : PURCHASE_WITHOUT_CART;
        }
        sessions.put(session, flags);
    }

    double share(String type) {
        return types.getOrDefault(type, 0L) / (double) rows;
    }

    long sessions() {
        return sessions.size();
    }

    long sessionsWithCartThenPurchase() {
        return sessions.values().stream().filter(f -> (f & PURCHASE_AFTER_CART) != 0).count();
    }

    long sessionsWithPurchaseWithoutCart() {
        return sessions.values().stream().filter(f -> f == PURCHASE_WITHOUT_CART).count();
    }

    long sessionsWithCartOnly() {
        return sessions.values().stream().filter(f -> f == CART).count();
    }

    private static String[] emptyForNull(String[] fields) {
        String[] copy = fields.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                copy[i] = "";
            }
        }
        return copy;
    }
}
