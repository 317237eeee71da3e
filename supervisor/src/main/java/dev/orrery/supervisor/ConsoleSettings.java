package dev.orrery.supervisor;

import java.util.Objects;
import java.util.Optional;

/**
 * The web console that the supervisor serves, from {@code [console]}.
 *
 * @param bind  the address it listens on, an IP address or {@code localhost}
 * @param port  its HTTP port; 0 for any free port
 * @param token the secret that callers must present; always set when {@code bind} is not a loopback address
 */
public record ConsoleSettings(String bind, int port, Optional<String> token) {

    /** Checks that the parts are there. */
    public ConsoleSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(token, "token");
    }

    /**
     * The settings without the token's value, so that logs never show it.
     *
     * @return the bind address, the port and whether a token is set
     */
    @Override
    public String toString() {
        return "ConsoleSettings[bind=" + bind + ", port=" + port + ", token=" + (token.isPresent() ? "***" : "none")
                + "]";
    }
}
