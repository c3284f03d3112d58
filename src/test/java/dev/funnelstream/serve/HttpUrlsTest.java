package dev.funnelstream.serve;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Base URLs for the address a server listens on. */
class HttpUrlsTest {

    @Test
    void namesAndIpv4AsTheyAre() {
        assertThat(HttpUrls.base("127.0.0.1", 8080)).isEqualTo("http://127.0.0.1:8080");
        assertThat(HttpUrls.base("localhost", 80)).isEqualTo("http://localhost:80");
    }

    @Test
    void ipv6LiteralsInBrackets() {
        assertThat(HttpUrls.base("::1", 18090)).isEqualTo("http://[::1]:18090");
        assertThat(HttpUrls.base("fe80::1%eth0", 8080)).isEqualTo("http://[fe80::1%eth0]:8080");
        assertThat(HttpUrls.base("[::1]", 8080)).isEqualTo("http://[::1]:8080");
    }

    @Test
    void theUrlParsesToTheHostAndPort() {
        URI uri = URI.create(HttpUrls.base("::1", 18090) + "/api/status");

        assertThat(uri.getHost()).isEqualTo("[::1]");
        assertThat(uri.getPort()).isEqualTo(18090);
    }
}
