package dev.orrery.supervisor.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as the config file writes them: a whole number and a binary unit, such as {@code 512MiB}. Units count
 * in powers of 1024 and say so; {@code KB}, {@code MB} and {@code GB}, which mean powers of 1000 to some and of
 * 1024 to others, are refused with the binary unit to write instead.
 */
final class Sizes {
    /** The form, for messages. */
    static final String FORM = "a whole number and one of the units B, KiB, MiB, GiB, such as \"512MiB\"";

    private static final Map<String, Long> UNITS = Map.of("B", 1L, "KiB", 1L << 10, "MiB", 1L << 20, "GiB", 1L << 30);
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,19})([A-Za-z]+)");

    private Sizes() {
    }

    /**
     * Reads a size.
     *
     * @param text such as {@code 10MiB}
     * @return the size in bytes
     * @throws IllegalArgumentException when the text is not of that form; the message says what is
     */
    static long parse(String text) {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be a size: " + FORM);
        }
        String unit = matcher.group(2);
        Long factor = UNITS.get(unit);
        if (factor == null) {
            throw new IllegalArgumentException(unknownUnit(matcher.group(1), unit));
        }
        try {
            return Math.multiplyExact(Long.parseLong(matcher.group(1)), factor);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("is too large a size", e);
        }
    }

    private static String unknownUnit(String amount, String unit) {
        String upper = unit.toUpperCase(Locale.ROOT);
        String binary = switch (upper) {
            case "K", "KB", "KIB" -> "KiB";
            case "M", "MB", "MIB" -> "MiB";
            case "G", "GB", "GIB" -> "GiB";
            case "BYTES", "BYTE" -> "B";
            default -> null;
        };
        if (binary == null) {
            return "must be a size: " + FORM;
        }
        return "sizes count in powers of 1024, with the units B, KiB, MiB, GiB; write \"" + amount + binary + "\"";
    }

    /**
     * Writes a size in the largest unit that holds it exactly.
     *
     * @param bytes the size
     * @return such as {@code 512MiB}, {@code 1536KiB}, {@code 100B}
     */
    static String format(long bytes) {
        for (String unit : new String[] {"GiB", "MiB", "KiB"}) {
            long factor = UNITS.get(unit);
            if (bytes != 0 && bytes % factor == 0) {
                return bytes / factor + unit;
            }
        }
        return bytes + "B";
    }
}
