package dev.orrery.transport.shm;

/**
 * One of the two directions of a connection: which ring of the segment carries it, and the letter that marks
 * the spill files written in it.
 */
enum Direction {

    /** Written by the client, read by the server. */
    CLIENT_TO_SERVER('c'),
    /** Written by the server, read by the client. */
    SERVER_TO_CLIENT('s');

    private final char letter;

    Direction(char letter) {
        this.letter = letter;
    }

    /** @return the letter in the names of this direction's spill files */
    char letter() {
        return letter;
    }

    /** @return the direction the peer writes in */
    Direction opposite() {
        return this == CLIENT_TO_SERVER ? SERVER_TO_CLIENT : CLIENT_TO_SERVER;
    }
}
