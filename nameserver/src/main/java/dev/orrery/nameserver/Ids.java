package dev.orrery.nameserver;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/** Makes instance ids and owner tokens. Thread-safe. */
final class Ids {
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int TOKEN_BYTES = 16;
    private static final int RANDOM_ID_CHARS = 8;

    private final SecureRandom random = new SecureRandom();
    private final AtomicLong issued = new AtomicLong();

    /**
     * A short id, unique for this name server's lifetime by its counter. Its random part keeps it apart from
     * the ids an earlier run of the name server gave out, so that an instance renewing an id from before a
     * restart is told it is unknown, never mistaken for another.
     *
     * @return such as {@code 1f-k2m9qax7}
     */
    String instanceId() {
        long bits = random.nextLong();
        StringBuilder id = new StringBuilder(Long.toString(issued.incrementAndGet(), 36)).append('-');
        for (int i = 0; i < RANDOM_ID_CHARS; i++) {
            id.append(BASE32[(int) (bits >>> (5 * i)) & 31]);
        }
        return id.toString();
    }

    /** @return 128 random bits, URL-safe Base64 without padding */
    String ownerToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
