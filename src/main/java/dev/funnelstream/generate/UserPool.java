package dev.funnelstream.generate;

/**
 * Who starts each session: new shoppers, people coming back the same day, and older customers.
 * Nothing is stored per user; a user id is a pure function of the user's index.
 */
final class UserPool {
    private static final double NEW_USER = 0.35;
    private static final double RECENT_RETURN = 0.30;
    private static final int RECENT_WINDOW = 3000;
    /** Customers registered before the range: ids 300M-512M, as the real data's older users. */
    private static final long OLD_ID_BASE = 300_000_000L;
    private static final long OLD_ID_SPAN = 212_000_000L;
    /** Users registered during the range get increasing ids from here, ~10 apart. */
    private static final long NEW_ID_BASE = 512_400_000L;
    private static final int NEW_ID_STEP = 10;

    private final long oldUsers;
    private final long oldSpacing;
    private long newUsers;

    /** A pool sized for a run of {@code events} rows. */
    UserPool(long events) {
        this.oldUsers = Math.max(200, Math.min(OLD_ID_SPAN / 2, events / 30));
        this.oldSpacing = OLD_ID_SPAN / oldUsers;
    }

    /** The user_id of the next session's shopper. */
    long pick(Rng rng) {
        double u = rng.nextDouble();
        if (u < NEW_USER || newUsers == 0) {
            return newUserId(newUsers++);
        }
        if (u < NEW_USER + RECENT_RETURN) {
            long back = rng.nextLong(Math.min(newUsers, RECENT_WINDOW));
            return newUserId(newUsers - 1 - back);
        }
        double d = rng.nextDouble();
        return oldUserId((long) (oldUsers * d * d)); // a core of loyal customers returns most often
    }

    private long newUserId(long index) {
        return NEW_ID_BASE + index * NEW_ID_STEP + Math.floorMod(Rng.mix(index), NEW_ID_STEP);
    }

    private long oldUserId(long index) {
        return OLD_ID_BASE + index * oldSpacing + Math.floorMod(Rng.mix(~index), oldSpacing);
    }
}
