package dev.funnelstream.serve;

/** {@code http://host:port} for a host name or an address, IPv6 literals in brackets as URLs need them. */
public final class HttpUrls {
    private HttpUrls() {
    }

    /** E.g. {@code http://127.0.0.1:8080}, {@code http://[::1]:8080}; no trailing slash. */
    public static String base(String host, int port) {
        // Only an IPv6 literal has a colon; one given in brackets already stays as it is.
        boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + port;
    }
}
