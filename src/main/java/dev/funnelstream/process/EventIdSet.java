package dev.funnelstream.process;

/**
 * A set of 64-bit event ids: open addressing over a {@code long[]} kept at most half full, so an id
 * costs 16-32 bytes instead of a boxed map entry, a state entry and a timer per event. A Flink
 * POJO: public fields, no-arg constructor.
 */
public final class EventIdSet {
    private static final int FIRST_CAPACITY = 16;

    /** The ids; 0 marks a free slot (the id 0 itself is held by {@link #hasZero}). */
    public long[] slots = new long[FIRST_CAPACITY];
    /** Ids in {@link #slots}. */
    public int size;
    public boolean hasZero;

    public EventIdSet() {
    }

    /** Adds the id; false when it was there already. */
    boolean add(long id) {
        if (id == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        int mask = slots.length - 1;
        for (int i = spread(id) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == id) {
                return false;
            }
            if (slots[i] == 0) {
                slots[i] = id;
                // Grow at half full: probes stay short, and the ids are hashes, so they spread well.
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
        }
    }

    boolean contains(long id) {
        if (id == 0) {
            return hasZero;
        }
        int mask = slots.length - 1;
        for (int i = spread(id) & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == id) {
                return true;
            }
        }
        return false;
    }

    int count() {
        return size + (hasZero ? 1 : 0);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long id : old) {
            if (id != 0) {
                int i = spread(id) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = id;
            }
        }
    }

    private static int spread(long id) {
        return (int) (id ^ (id >>> 32));
    }
}
