package dev.orrery.supervisor.internal.toml;

/**
 * A place in a text file.
 *
 * @param line   from 1; 0 when unknown
 * @param column from 1; 0 when unknown
 */
public record Position(int line, int column) {

    /** No known place. */
    public static final Position UNKNOWN = new Position(0, 0);
}
