package dev.orrery.nameserver;

import dev.orrery.registry.Instance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * A registered instance with the secret of its owner.
 *
 * @param instance   the instance as watchers and callers see it
 * @param ownerToken the owner's token, as UTF-8 bytes
 */
record Entry(Instance instance, byte[] ownerToken) {

    /** @return the instance's id */
    String id() {
        return instance.id();
    }

    /** @return the moment its lease runs out, in milliseconds since the epoch */
    long expiresAt() {
        return instance.lastRenewedAt() + instance.ttlMillis();
    }

    /**
     * Whether a token is the owner's, compared in constant time so that its timing gives nothing away.
     *
     * @param token the token a caller presented
     * @return true when it is the owner's
     */
    boolean ownedBy(String token) {
        return MessageDigest.isEqual(ownerToken, token.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param now the time of the renewal
     * @return this entry renewed at {@code now}
     */
    Entry renewed(long now) {
        Instance i = instance;
        return new Entry(new Instance(i.id(), i.service(), i.endpoints(), i.metadata(), i.ttlMillis(),
                i.registeredAt(), now), ownerToken);
    }

    /**
     * @param metadata the new metadata, already checked
     * @return this entry with that metadata
     */
    Entry withMetadata(Map<String, String> metadata) {
        Instance i = instance;
        return new Entry(new Instance(i.id(), i.service(), i.endpoints(), metadata, i.ttlMillis(),
                i.registeredAt(), i.lastRenewedAt()), ownerToken);
    }
}
