package org.geopinn.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret every state-changing request must carry (header {@value #HEADER}): the configured one,
 * else 128 random bits drawn at start. A page of another site cannot set that header, so it cannot
 * steer a session through the visitor's browser either.
 */
final class Token {
    /** The request header carrying the token. */
    static final String HEADER = "X-Geopinn-Token";

    private final String value;

    private Token(String value) {
        this.value = value;
    }

    /** @param configured a configured token, or blank for a random one @return the token */
    static Token of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new Token(configured.trim());
        }
        byte[] bits = new byte[16];
        new SecureRandom().nextBytes(bits);
        return new Token(HexFormat.of().formatHex(bits));
    }

    /** @return the token text (printed at start, part of the page address) */
    String value() {
        return value;
    }

    /** @param candidate what a request carried, may be null @return whether it is the token (constant time) */
    boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }
}
