package dev.funnelstream.process;

import dev.funnelstream.validate.EventType;
import dev.funnelstream.validate.RawEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What exact-repeat removal keys on and keeps: every copy of an event under one key, each id once. */
class DeduplicateEventsTest {
    private static RawEvent event(String time, String price, String session) {
        return new RawEvent(Instant.parse(time), EventType.VIEW, 1004856L, 2053013555631882655L,
                "electronics.smartphone", "samsung", new BigDecimal(price), 541312140L, session);
    }

    @Test
    void everyCopyOfAnEventHasTheSameKey() {
        RawEvent first = event("2019-10-01T00:00:05Z", "130.76", "s-1");
        RawEvent repeat = event("2019-10-01T00:00:05Z", "130.760", "s-1");

        assertThat(repeat).isEqualTo(first);
        assertThat(DeduplicateEvents.key(repeat)).isEqualTo(DeduplicateEvents.key(first));
    }

    @Test
    void theKeyIsTheEventsMinuteAndABucket() {
        long minute = Instant.parse("2019-10-01T00:00:00Z").toEpochMilli() / 60_000;
        long start = DeduplicateEvents.key(event("2019-10-01T00:00:00Z", "1", "s"));
        long end = DeduplicateEvents.key(event("2019-10-01T00:00:59Z", "1", "s"));
        long next = DeduplicateEvents.key(event("2019-10-01T00:01:00Z", "1", "s"));
        long before1970 = DeduplicateEvents.key(event("1969-12-31T23:59:59Z", "1", "s"));

        assertThat(Math.floorDiv(start, DeduplicateEvents.BUCKETS)).isEqualTo(minute);
        assertThat(end).isEqualTo(start);
        assertThat(Math.floorDiv(next, DeduplicateEvents.BUCKETS)).isEqualTo(minute + 1);
        assertThat(Math.floorDiv(before1970, DeduplicateEvents.BUCKETS)).isEqualTo(-1);
    }

    @Test
    void theSetHoldsEachIdOnceThroughGrowth() {
        EventIdSet set = new EventIdSet();
        Set<Long> expected = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            // Small ids repeat often; 0 and negative ids are ids too.
            long id = i % 3 == 0 ? random.nextInt(500) - 250 : random.nextLong();
            assertThat(set.add(id)).as("add %d", id).isEqualTo(expected.add(id));
        }
        assertThat(set.count()).isEqualTo(expected.size());
        for (long id : expected) {
            assertThat(set.contains(id)).isTrue();
        }
        assertThat(set.contains(Long.MIN_VALUE + 12345)).isFalse();
    }

    @Test
    void theSetIsCheckpointedAsAPojoNotThroughKryo() {
        assertThat(TypeInformation.of(EventIdSet.class)).isInstanceOf(PojoTypeInfo.class);
    }
}
