package dev.funnelstream.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * The trending products' state: per product, its events in 5-minute slices of event time for the
 * last hour; when the watermark passes a slide's end, the top 20 of that hour by views (ties by
 * product id) of which the top 10 are shown with their rank in the slide before. Every product is
 * counted once per event and ranked once per slide, all in memory: a SQL HOP window emitted each
 * product's hour twelve times over and ranked it in a separate operator, the job's biggest cost.
 * A Flink POJO: public fields, no-arg constructor.
 */
public final class TrendingBook {
    static final long SLIDE_MILLIS = 5 * 60_000L;
    static final long HOUR_MILLIS = 60 * 60_000L;
    static final int RANKED = 20;
    static final int SHOWN = 10;
    private static final Comparator<Hour> BY_RANK = Comparator.comparingLong((Hour h) -> -h.views)
            .thenComparingLong(h -> h.productId);

    /**
     * Per slice start (epoch ms), per product id, what happened in that slice. By slice first, so a
     * slide reads its twelve slices only, however many the watermark has yet to close: a bounded
     * job can read far ahead of its watermark, and reading every slice held at every slide was
     * the job's biggest cost. (Named apart from the fields of the book before it: restoring a
     * checkpoint of that book drops its slices, whose shape differs, instead of failing.)
     */
    public TreeMap<Long, HashMap<Long, Slice>> bySlice = new TreeMap<>();
    /** The last closed slide's top 20: product id to rank. */
    public HashMap<Long, Integer> previousRanks = new HashMap<>();
    /** The end of the last closed slide (epoch ms), or 0 before the first. */
    public long previousEnd;
    /** Running totals of the slices in [totalsFrom, totalsTo); not state: rebuilt from the slices when missing. */
    private transient HashMap<Long, Hour> totals;
    private transient long totalsFrom;
    private transient long totalsTo;

    public TrendingBook() {
    }

    /** The start of the 5-minute slice holding {@code time}. */
    static long sliceStart(long time) {
        return Math.floorDiv(time, SLIDE_MILLIS) * SLIDE_MILLIS;
    }

    /**
     * Counts one on-time event into its product's slice.
     *
     * @return whether the event opened a slice no product had yet (its slides then need timers)
     */
    boolean add(long time, String eventType, long productId, BigDecimal price, String brand, String categoryCode) {
        long start = sliceStart(time);
        if (totals != null && start < totalsTo) {
            totals = null; // an event at the watermark itself, in a slice already summed: sum afresh
        }
        HashMap<Long, Slice> slice = slices().get(start);
        boolean opened = slice == null;
        if (opened) {
            slice = new HashMap<>();
            slices().put(start, slice);
        }
        Slice s = slice.computeIfAbsent(productId, p -> new Slice());
        switch (eventType) {
            case "view" -> s.views++;
            case "cart" -> s.carts++;
            case "purchase" -> {
                s.purchases++;
                s.revenue = s.revenue.add(price);
            }
            default -> { } // remove_from_cart counts nowhere here, but makes the product present
        }
        s.brand = max(s.brand, brand);
        s.categoryCode = max(s.categoryCode, categoryCode);
        return opened;
    }

    /**
     * Closes the slide ending at {@code windowEnd} (exclusive), over the hour before it: its top 10
     * with each one's rank in the slide 5 minutes before (null when not in that slide's top 20).
     * Then forgets the slices no later slide holds.
     */
    List<Ranked> close(long windowEnd) {
        long windowStart = windowEnd - HOUR_MILLIS;
        HashMap<Long, Hour> hours = hourTotals(windowEnd);
        PriorityQueue<Hour> worstFirst = new PriorityQueue<>(RANKED + 1, BY_RANK.reversed());
        for (Hour hour : hours.values()) {
            if (worstFirst.size() < RANKED) {
                worstFirst.add(hour);
            } else if (ranksAbove(hour, worstFirst.peek())) {
                // Most products of an hour rank below the 20th: one comparison, no heap work.
                worstFirst.poll();
                worstFirst.add(hour);
            }
        }
        Collection<HashMap<Long, Slice>> hourSlices = slices().subMap(windowStart, windowEnd).values();
        List<Hour> top = new ArrayList<>();
        for (Hour h : worstFirst) {
            top.add(h.withNames(hourSlices));
        }
        top.sort(BY_RANK);
        boolean previousIsSlideBefore = previousEnd == windowEnd - SLIDE_MILLIS;
        List<Ranked> shown = new ArrayList<>();
        HashMap<Long, Integer> ranks = new HashMap<>();
        for (int i = 0; i < top.size(); i++) {
            Hour h = top.get(i);
            int rank = i + 1;
            ranks.put(h.productId, rank);
            if (rank <= SHOWN) {
                Integer previous = previousIsSlideBefore ? previousRanks.get(h.productId) : null;
                shown.add(new Ranked(windowEnd, rank, h, previous));
            }
        }
        previousRanks = ranks;
        previousEnd = windowEnd;
        forgetBefore(windowEnd + SLIDE_MILLIS - HOUR_MILLIS);
        return shown;
    }

    /**
     * Each product's counts over the hour before {@code windowEnd}. The totals are kept between
     * slides: the slice that leaves the hour is taken off when it is forgotten, and the slide just
     * after adds only its newest slice (final by then, as the watermark has passed it), so a slide
     * reads one slice, not twelve. Otherwise (the first slide, a gap, or a book just restored or
     * copied, as the totals are not part of the state) they are summed afresh.
     */
    private HashMap<Long, Hour> hourTotals(long windowEnd) {
        long windowStart = windowEnd - HOUR_MILLIS;
        if (totals != null && totalsFrom == windowStart && totalsTo == windowEnd - SLIDE_MILLIS) {
            addToTotals(slices().get(totalsTo));
        } else {
            totals = new HashMap<>();
            slices().subMap(windowStart, windowEnd).values().forEach(this::addToTotals);
            totalsFrom = windowStart;
        }
        totalsTo = windowEnd;
        return totals;
    }

    /** Whether {@code a} ranks above {@code b}: more views, or as many and a smaller product id. */
    private static boolean ranksAbove(Hour a, Hour b) {
        return a.views > b.views || (a.views == b.views && a.productId < b.productId);
    }

    private void addToTotals(HashMap<Long, Slice> slice) {
        if (slice != null) {
            slice.forEach((product, s) -> totals.computeIfAbsent(product, Hour::new).add(s));
        }
    }

    /** The slices; none after restoring a checkpoint of the older book, which had no such field. */
    private TreeMap<Long, HashMap<Long, Slice>> slices() {
        if (bySlice == null) {
            bySlice = new TreeMap<>();
        }
        return bySlice;
    }

    private void forgetBefore(long firstNeededStart) {
        Map<Long, HashMap<Long, Slice>> gone = slices().headMap(firstNeededStart);
        if (totals != null) {
            gone.forEach((start, slice) -> {
                if (start >= totalsFrom && start < totalsTo) {
                    slice.forEach((product, s) -> {
                        if (totals.get(product).subtract(s)) {
                            totals.remove(product);
                        }
                    });
                }
            });
            totalsFrom = Math.max(totalsFrom, firstNeededStart);
        }
        gone.clear();
    }

    /** The products of the slices held. */
    Set<Long> heldProducts() {
        Set<Long> held = new HashSet<>();
        slices().values().forEach(slice -> held.addAll(slice.keySet()));
        return held;
    }

    private static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    /** One product's events in one slice. A Flink POJO. */
    public static final class Slice {
        public long views;
        public long carts;
        public long purchases;
        public BigDecimal revenue = BigDecimal.ZERO;
        public String brand;
        public String categoryCode;

        public Slice() {
        }
    }

    /**
     * One product's hour: its slices summed. Brand and category (the greatest seen, which cannot be
     * taken off again) are filled in only for the products a slide shows.
     */
    static final class Hour {
        final long productId;
        long views;
        long carts;
        long purchases;
        BigDecimal revenue = BigDecimal.ZERO;
        String brand;
        String categoryCode;
        /** How many of the hour's slices hold the product. */
        int slices;

        Hour(long productId) {
            this.productId = productId;
        }

        void add(Slice s) {
            views += s.views;
            carts += s.carts;
            purchases += s.purchases;
            revenue = revenue.add(s.revenue);
            slices++;
        }

        /** Takes a slice off again; true when no slice of the hour holds the product any more. */
        boolean subtract(Slice s) {
            views -= s.views;
            carts -= s.carts;
            purchases -= s.purchases;
            revenue = revenue.subtract(s.revenue);
            return --slices == 0;
        }

        /** A copy with the greatest brand and category the product has in the given slices. */
        Hour withNames(Iterable<HashMap<Long, Slice>> hourSlices) {
            Hour h = new Hour(productId);
            h.views = views;
            h.carts = carts;
            h.purchases = purchases;
            h.revenue = revenue;
            h.slices = slices;
            for (HashMap<Long, Slice> slice : hourSlices) {
                Slice s = slice.get(productId);
                if (s != null) {
                    h.brand = max(h.brand, s.brand);
                    h.categoryCode = max(h.categoryCode, s.categoryCode);
                }
            }
            return h;
        }
    }

    /** A shown product of a closed slide. */
    record Ranked(long windowEnd, int rank, Hour hour, Integer previousRank) {
    }
}
