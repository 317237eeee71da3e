package dev.orrery.supervisor.internal.toml;

/** The escape sequences of TOML's basic strings, for quoted keys. */
final class Escapes {

    private Escapes() {
    }

    /**
     * Reads the escape sequence after a backslash.
     *
     * @param cursor on the character after the backslash
     * @return the characters it stands for
     */
    static String read(TextCursor cursor) {
        char c = cursor.peek();
        cursor.advance();
        return switch (c) {
            case 'b' -> "\b";
            case 't' -> "\t";
            case 'n' -> "\n";
            case 'f' -> "\f";
            case 'r' -> "\r";
            case 'e' -> "\u001b";
            case 'x' -> codePoint(cursor, 2);
            case 'u' -> codePoint(cursor, 4);
            case 'U' -> codePoint(cursor, 8);
            default -> String.valueOf(c);
        };
    }

    private static String codePoint(TextCursor cursor, int digits) {
        int value = 0;
        for (int i = 0; i < digits; i++) {
            int digit = Character.digit(cursor.peek(), 16);
            if (digit < 0) {
                break;
            }
            value = value * 16 + digit;
            cursor.advance();
        }
        return Character.isValidCodePoint(value) ? Character.toString(value) : "\uFFFD";
    }
}
