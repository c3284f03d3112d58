package dev.funnelstream.serve;

import dev.funnelstream.cli.UserException;
import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The access rule: on a loopback address no token is needed; listening anywhere else needs one,
 * and then every request must carry it ({@code Authorization: Bearer T} or {@code ?token=T}).
 */
final class AccessToken {
    private final byte[] token; // null: open

    private AccessToken(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The rule for a server on {@code host}.
     *
     * @param token the token given (flag or environment), null or blank for none
     * @throws UserException when the host is not a loopback address and no token was given
     */
    static AccessToken forHost(String host, String token) {
        boolean given = token != null && !token.isBlank();
        if (!given && !loopback(host)) {
            throw new UserException("--host " + host + " lets other machines in: give an access token with --token"
                    + " or the FUNNELSTREAM_TOKEN environment variable");
        }
        return new AccessToken(given ? token.strip() : null);
    }

    boolean required() {
        return token != null;
    }

    /** Whether the request carries the token (always true when none is required). */
    boolean admits(Context ctx) {
        if (token == null) {
            return true;
        }
        String header = ctx.header("Authorization");
        // The scheme's name is case-insensitive (RFC 7235).
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
                : ctx.queryParam("token");
        // Constant time, so the answer's timing tells nothing about how much of a guess was right.
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new UserException("--host " + host + " is not an address of this machine");
        }
    }
}
