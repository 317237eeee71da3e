package dev.orrery.supervisor.internal.logs;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a stream of UTF-8 bytes into lines at {@code \n}, dropping a {@code \r} just before it, and cuts a line
 * longer than {@code maxLineBytes} into pieces of at most that many bytes, between characters where the bytes
 * allow, so that a writer that never ends a line holds only that much memory. Bytes that are not UTF-8 become
 * U+FFFD. Not thread-safe: owned by the thread that reads the stream.
 */
final class LineSplitter {
    private final int max;
    /** The open line; one byte over {@code max} for a {@code \r} that a {@code \n} may follow. */
    private final byte[] line;
    private final Consumer<String> sink;
    private int length;

    /**
     * Makes a splitter.
     *
     * @param maxLineBytes the most bytes of a line handed on at once, at least 4 (the longest character)
     * @param sink         takes each line, without its line break
     */
    LineSplitter(int maxLineBytes, Consumer<String> sink) {
        if (maxLineBytes < 4) {
            throw new IllegalArgumentException("maxLineBytes must be at least 4: " + maxLineBytes);
        }
        this.max = maxLineBytes;
        this.line = new byte[maxLineBytes + 1];
        this.sink = sink;
    }

    /**
     * Takes the next bytes of the stream.
     *
     * @param bytes  holds them
     * @param offset the first
     * @param count  how many
     */
    void feed(byte[] bytes, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                endLine();
                continue;
            }
            // A full line waits for one more byte: a "\r" that may end it is let in, anything else cuts it.
            if (length > max || length == max && b != '\r') {
                cut();
            }
            line[length++] = b;
        }
    }

    /** Hands on the last line of the stream when it did not end with a line break. */
    void finish() {
        if (length > 0) {
            endLine();
        }
    }

    private void endLine() {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        length = 0;
        sink.accept(new String(line, 0, end, StandardCharsets.UTF_8));
    }

    /** Hands on the first {@code max} bytes at most, ending before a character whose bytes are not all there. */
    private void cut() {
        int end = Math.min(length, max);
        int start = end - 1;
        while (start > 0 && end - start < 4 && (line[start] & 0xC0) == 0x80) {
            start--;
        }
        int lead = line[start] & 0xFF;
        int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (needed > end - start && start > 0) {
            end = start;
        }
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        System.arraycopy(line, end, line, 0, length - end);
        length -= end;
        sink.accept(text);
    }
}
