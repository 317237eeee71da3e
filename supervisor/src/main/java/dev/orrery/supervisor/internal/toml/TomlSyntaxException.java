package dev.orrery.supervisor.internal.toml;

import java.io.Serial;

/** A document that is not valid TOML; only the first such error is known, since reading stops there. */
public final class TomlSyntaxException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Position position;
    private final transient KeyPath key;

    /**
     * Creates the exception.
     *
     * @param message  what is wrong, without the position
     * @param position where, or {@link Position#UNKNOWN}
     * @param key      the key at fault, or {@link KeyPath#ROOT} when the error is not one key's
     * @param cause    the parser's own exception
     */
    public TomlSyntaxException(String message, Position position, KeyPath key, Throwable cause) {
        super(message, cause);
        this.position = position;
        this.key = key;
    }

    /**
     * The key at fault.
     *
     * @return the key, or {@link KeyPath#ROOT} when the error is not one key's
     */
    public KeyPath key() {
        return key;
    }

    /**
     * Where the error is.
     *
     * @return the position, perhaps {@link Position#UNKNOWN}
     */
    public Position position() {
        return position;
    }
}
