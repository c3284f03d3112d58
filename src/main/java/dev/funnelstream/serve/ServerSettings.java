package dev.funnelstream.serve;

/**
 * Where the HTTP server listens and the access token it requires (null: none; needed for any
 * host that is not a loopback address).
 */
public record ServerSettings(String host, int port, String token) {
    /** The loopback default with no token, e.g. for tests. */
    public static ServerSettings local(int port) {
        return new ServerSettings("127.0.0.1", port, null);
    }

    /** Without the token: it is a secret, and records print every field. */
    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", token=" + (token == null ? "none" : "***") + "]";
    }
}
