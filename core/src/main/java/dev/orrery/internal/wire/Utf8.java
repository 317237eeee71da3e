package dev.orrery.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** UTF-8 helpers for bounded strings on the wire. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Encodes text, cut to at most {@code max} bytes on a character boundary, so that the receiver never
     * sees half a character.
     *
     * @param text the text, {@code null} meaning empty
     * @param max  the most bytes
     * @return the bytes
     */
    static byte[] bounded(String text, int max) {
        byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= max) {
            return bytes;
        }
        int end = max;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }
}
