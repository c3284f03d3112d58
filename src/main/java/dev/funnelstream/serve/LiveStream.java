package dev.funnelstream.serve;

import dev.funnelstream.report.ReportFormat;
import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Server-Sent Events stream of the dashboard's live parts: every second, to every client, the
 * header strip (event {@code header}) and the last hour's funnel for the client's category (event
 * {@code funnel}). Each is read once per second however many clients listen.
 */
final class LiveStream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    private static final String ALL = "";

    private final DashboardService dashboard;
    private final Map<SseClient, String> clients = new ConcurrentHashMap<>();
    // Two threads: the landing rate is sampled on time even while a slow client holds up a send.
    private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "dashboard-live");
        t.setDaemon(true);
        return t;
    });
    private volatile String lastFailure;

    LiveStream(DashboardService dashboard) {
        this.dashboard = dashboard;
        ticker.scheduleAtFixedRate(dashboard::tick, 0, 1, TimeUnit.SECONDS);
        ticker.scheduleAtFixedRate(this::push, 0, 1, TimeUnit.SECONDS);
    }

    /** Keeps the client until it goes away; {@code category} is already checked (null: all). */
    void join(SseClient client, String category) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.put(client, category == null ? ALL : category);
    }

    int clients() {
        return clients.size();
    }

    private void push() {
        try {
            if (clients.isEmpty()) {
                return;
            }
            String header = dashboard.header().toJson();
            Map<String, String> funnels = new HashMap<>();
            for (Map.Entry<SseClient, String> e : clients.entrySet()) {
                SseClient client = e.getKey();
                if (client.terminated()) {
                    clients.remove(client);
                    continue;
                }
                String funnel = funnels.get(e.getValue());
                if (funnel == null) {
                    funnel = ReportFormat.toWire(dashboard.lastHourFunnel(e.getValue().isEmpty() ? null : e.getValue()))
                            .replace("\n", "");
                    funnels.put(e.getValue(), funnel);
                }
                client.sendEvent("header", header);
                client.sendEvent("funnel", funnel);
            }
            lastFailure = null;
        } catch (Exception e) {
            // A busy or closing warehouse skips a beat; the next second tries again. Log each new cause once.
            if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
                log.warn("Live dashboard update failed: {}", e.toString());
                lastFailure = String.valueOf(e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS); // a push may be on a warehouse connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.keySet().forEach(SseClient::close);
        clients.clear();
    }
}
