package dev.funnelstream.serve;

import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The run's live stream, passed on to the front's clients: one stream from the run per category
 * that clients follow (not one per client), each event sent on to every client of that category.
 * A stream that breaks is opened again a second later while clients remain.
 */
final class LiveRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveRelay.class);

    private final RunApi run;
    private final ConcurrentHashMap<String, Set<SseClient>> clientsByQuery = new ConcurrentHashMap<>();
    private volatile boolean closed;

    LiveRelay(RunApi run) {
        this.run = run;
    }

    /**
     * Keeps the client until it goes away.
     *
     * @param query the stream's query as the run takes it: empty, or {@code ?category=...}
     */
    void join(SseClient client, String query) {
        client.keepAlive();
        Set<SseClient> clients = clientsByQuery.compute(query, (q, existing) -> {
            Set<SseClient> set = existing != null ? existing : ConcurrentHashMap.newKeySet();
            if (existing == null) {
                Thread relay = new Thread(() -> relay(q, set), "dashboard-relay");
                relay.setDaemon(true);
                relay.start();
            }
            set.add(client);
            return set;
        });
        client.onClose(() -> clients.remove(client));
    }

    int clients() {
        return clientsByQuery.values().stream().mapToInt(Set::size).sum();
    }

    private void relay(String query, Set<SseClient> clients) {
        while (!closed) {
            try {
                HttpResponse<Stream<String>> response = run.stream("/api/live" + query).get(30, TimeUnit.SECONDS);
                if (response.statusCode() == 200) {
                    try (Stream<String> lines = response.body()) {
                        pass(lines.iterator(), clients);
                    }
                } else {
                    response.body().close();
                    log.warn("The run answered its live stream with HTTP {}", response.statusCode());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log.debug("The run's live stream broke: {}", e.toString());
            }
            if (stopIfUnused(query, clients)) {
                return;
            }
            try {
                Thread.sleep(1_000); // the run may be restarting: ask again in a second
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sends each event on until the stream ends or nobody listens any more. */
    private void pass(Iterator<String> lines, Set<SseClient> clients) {
        String event = "message";
        StringBuilder data = new StringBuilder();
        while (!closed && lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    send(clients, event, data.toString());
                }
                event = "message";
                data.setLength(0);
                if (clients.isEmpty()) {
                    return;
                }
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            } // comments (":") and other fields are the run's own keep-alive business
        }
    }

    private static void send(Set<SseClient> clients, String event, String data) {
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                client.sendEvent(event, data);
            }
        }
    }

    /** Forgets the query once its last client has gone; a later client starts a new relay. */
    private boolean stopIfUnused(String query, Set<SseClient> clients) {
        boolean[] stopped = {closed};
        clientsByQuery.computeIfPresent(query, (q, set) -> {
            if (set == clients && set.isEmpty()) {
                stopped[0] = true;
                return null;
            }
            return set;
        });
        return stopped[0];
    }

    @Override
    public void close() {
        closed = true;
        for (Set<SseClient> clients : clientsByQuery.values()) {
            clients.forEach(SseClient::close);
        }
        clientsByQuery.clear();
    }
}
