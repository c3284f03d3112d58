package dev.funnelstream.cli;

import picocli.CommandLine.Option;

/** {@code --host}, {@code --port} and {@code --token} of the HTTP server that runs beside a run or a pipeline. */
final class ServerOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address the HTTP server listens on. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (0 = any free). Default: ${DEFAULT-VALUE}")
    int port;

    // Never shown as a default in --help: it is a secret.
    @Option(names = "--token", defaultValue = "${env:FUNNELSTREAM_TOKEN}", paramLabel = "TOKEN", description =
            "Access token the page and API then require (also FUNNELSTREAM_TOKEN); needed when --host is not loopback.")
    String token;

    String token() {
        return token == null || token.isBlank() ? null : token.strip();
    }

    /** The port, checked: a user mistake is one line, not a bind error from deep inside. */
    int port() {
        if (port < 0 || port > 65535) {
            throw new UserException("--port must be between 0 and 65535");
        }
        return port;
    }
}
