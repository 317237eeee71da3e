package dev.orrery.transport.shm;

import dev.orrery.Endpoint;
import java.util.regex.Pattern;

/**
 * A parsed {@code shm://NAME[?idle=STRATEGY]} endpoint.
 *
 * @param name the endpoint's name: 1 to 64 of {@code A-Z a-z 0-9 . _ -}
 * @param idle how this side's reader waits
 */
record ShmAddress(String name, IdleStrategy idle) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * Parses an endpoint.
     *
     * @param endpoint    such as {@code shm://prices?idle=busy-spin}
     * @param defaultIdle the strategy when the endpoint names none
     * @return the address
     * @throws IllegalArgumentException when the endpoint is not of that form, saying what is expected
     */
    static ShmAddress parse(Endpoint endpoint, IdleStrategy defaultIdle) {
        if (!SharedMemoryTransportProvider.SCHEME.equals(endpoint.scheme())) {
            throw new IllegalArgumentException(
                    "the shared-memory transport cannot serve " + endpoint + "; expected shm://NAME");
        }
        String address = endpoint.address();
        int query = address.indexOf('?');
        String name = query < 0 ? address : address.substring(0, query);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("endpoint " + endpoint
                    + " needs a name of 1 to 64 letters, digits, '.', '_' or '-'; expected shm://NAME");
        }
        IdleStrategy idle = defaultIdle;
        if (query >= 0) {
            for (String parameter : address.substring(query + 1).split("&")) {
                if (!parameter.startsWith("idle=")) {
                    throw new IllegalArgumentException("endpoint " + endpoint + " has an unknown parameter '"
                            + parameter + "'; the only one is idle=busy-spin|hybrid|low-cpu");
                }
                idle = IdleStrategy.of(parameter.substring("idle=".length()));
            }
        }
        return new ShmAddress(name, idle);
    }

    /** @return {@code shm://NAME}, without parameters */
    Endpoint endpoint() {
        return new Endpoint(SharedMemoryTransportProvider.SCHEME, name);
    }
}
