package dev.funnelstream.serve;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's stale-while-revalidate cache. A max age of an hour stands for "still fresh" and
 * 0 for "always stale", so no test waits on the clock; only the background refresh is awaited.
 */
class ResultCacheTest {
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void aFreshAnswerIsComputedOncePerKey() throws Exception {
        try (ResultCache<String> cache = ResultCache.ofText(3_600_000)) {
            assertThat(cache.get("a", this::next)).isEqualTo("answer 1");
            assertThat(cache.get("a", this::next)).isEqualTo("answer 1");
            assertThat(cache.get("b", this::next)).isEqualTo("answer 2");

            assertThat(computed).hasValue(2);
        }
    }

    @Test
    void aStaleAnswerIsServedAtOnceWhileOneRefreshRunsInTheBackground() throws Exception {
        try (ResultCache<String> cache = ResultCache.ofText(0)) {
            assertThat(cache.get("a", () -> "first")).isEqualTo("first");
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean secondRefresh = new AtomicBoolean();

            // The refresh is held until released: the request that set it off does not wait for it.
            assertThat(cache.get("a", () -> {
                started.countDown();
                release.await(10, TimeUnit.SECONDS);
                return "second";
            })).isEqualTo("first");
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            // While it runs, another request gets the same answer and sets off no refresh of its own.
            assertThat(cache.get("a", () -> {
                secondRefresh.set(true);
                return "never";
            })).isEqualTo("first");
            release.countDown();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(
                    () -> assertThat(cache.get("a", () -> "second")).isEqualTo("second"));
            assertThat(secondRefresh).isFalse();
        }
    }

    @Test
    void aFirstComputationThatFailsIsNotKept() throws Exception {
        try (ResultCache<String> cache = ResultCache.ofText(3_600_000)) {
            assertThatThrownBy(() -> cache.get("a", () -> {
                throw new IllegalArgumentException("bad query");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad query");

            assertThat(cache.get("a", this::next)).isEqualTo("answer 1");
        }
    }

    @Test
    void aFailedRefreshKeepsTheLastAnswer() throws Exception {
        try (ResultCache<String> cache = ResultCache.ofText(0)) {
            cache.get("a", this::next);
            CountDownLatch tried = new CountDownLatch(1);

            assertThat(cache.get("a", () -> {
                tried.countDown();
                throw new IllegalStateException("warehouse busy");
            })).isEqualTo("answer 1");

            assertThat(tried.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // let the failed refresh finish
            // Had the failure dropped the answer, this would compute "recomputed" on the spot.
            assertThat(cache.get("a", () -> "recomputed")).isEqualTo("answer 1");
        }
    }

    @Test
    void anAnswerTheOwnerWillNotKeepIsAnsweredOnceAndDoesNotReplaceTheLastOne() throws Exception {
        try (ResultCache<String> cache = new ResultCache<>(0, body -> !body.startsWith("error"))) {
            assertThat(cache.get("a", () -> "error 1")).isEqualTo("error 1");
            assertThat(cache.get("a", this::next)).isEqualTo("answer 1");
            CountDownLatch tried = new CountDownLatch(1);

            assertThat(cache.get("a", () -> {
                tried.countDown();
                return "error 2";
            })).isEqualTo("answer 1");

            assertThat(tried.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // let the refresh finish
            assertThat(cache.get("a", () -> "answer 3")).isEqualTo("answer 1");
        }
    }

    private String next() {
        return "answer " + computed.incrementAndGet();
    }
}
