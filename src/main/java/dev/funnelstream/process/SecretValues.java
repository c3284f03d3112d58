package dev.funnelstream.process;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Takes the values of the user's Kafka client properties out of an error before anyone prints it.
 * The job's Kafka sinks carry those properties as table options, and when Flink cannot create a
 * sink it prints every option; it masks only the keys it knows as secret (password, jaas.config),
 * not, say, {@code ssl.keystore.key}, which holds a private key.
 */
final class SecretValues {
    private static final String MASK = "***";
    private final List<String> values;

    SecretValues(Collection<String> values) {
        // Longest first, so that a value containing another is masked whole.
        this.values = values.stream().filter(v -> !v.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The text with every value masked. */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, MASK);
        }
        return out;
    }

    /**
     * The error as one exception whose message is the chain's messages, masked. The causes are left
     * out (their messages hold the values), and so is the type (but for a bad argument), kept only in
     * the message.
     */
    RuntimeException masked(RuntimeException e) {
        if (values.isEmpty()) {
            return e;
        }
        StringBuilder message = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message.append(message.isEmpty() ? "" : "\nCaused by: ")
                        .append(t == e ? "" : t.getClass().getSimpleName() + ": ").append(mask(t.getMessage()));
            }
        }
        // A bad value stays a bad value: the CLI tells it apart (exit code 2, not 1).
        RuntimeException out = e instanceof IllegalArgumentException
                ? new IllegalArgumentException(message.toString()) : new IllegalStateException(message.toString());
        out.setStackTrace(e.getStackTrace());
        return out;
    }
}
