package dev.orrery.supervisor.internal.toml;

/**
 * Walks through TOML text one character at a time, knowing the line and column, and steps over the lexical
 * pieces that {@link KeyScanner} does not look into: blanks, comments, strings and plain values.
 *
 * <p>It expects text that a TOML parser has already accepted, so it does not report errors; on text that is
 * not TOML it still moves forward and ends.
 */
final class TextCursor {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String text;
    private int index;
    private int line = 1;
    private int lineStart;

    TextCursor(String text) {
        this.text = text;
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            index = 1;
            lineStart = 1;
        }
    }

    boolean atEnd() {
        return index >= text.length();
    }

    /** The next character, or NUL at the end. */
    char peek() {
        return peek(0);
    }

    /** The character {@code ahead} places after the next one, or NUL beyond the end. */
    char peek(int ahead) {
        int at = index + ahead;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    boolean startsWith(String prefix) {
        return text.startsWith(prefix, index);
    }

    /** Where the next character is. */
    Position position() {
        return new Position(line, index - lineStart + 1);
    }

    /** How far the cursor has come, to tell whether a step moved it. */
    int offset() {
        return index;
    }

    void advance() {
        if (atEnd()) {
            return;
        }
        if (text.charAt(index) == '\n') {
            line++;
            lineStart = index + 1;
        }
        index++;
    }

    void advance(int count) {
        for (int i = 0; i < count; i++) {
            advance();
        }
    }

    /** Steps over spaces and tabs, staying on the line. */
    void skipSpaces() {
        while (peek() == ' ' || peek() == '\t') {
            advance();
        }
    }

    /** Steps over spaces, tabs, line ends and comments. */
    void skipBlank() {
        while (!atEnd()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                advance();
            } else if (c == '#') {
                while (!atEnd() && peek() != '\n') {
                    advance();
                }
            } else {
                return;
            }
        }
    }

    /** Steps over a string of any of the four kinds, the cursor being on its first quote. */
    void skipString() {
        char quote = peek();
        String triple = String.valueOf(quote).repeat(3);
        if (startsWith(triple)) {
            advance(3);
            while (!atEnd() && !startsWith(triple)) {
                advance(quote == '"' && peek() == '\\' ? 2 : 1);
            }
            advance(3);
            // a multi-line string may end in one or two quotes of its own, right before the closing three
            for (int extra = 0; extra < 2 && peek() == quote; extra++) {
                advance();
            }
            return;
        }
        advance();
        while (!atEnd() && peek() != quote && peek() != '\n') {
            advance(quote == '"' && peek() == '\\' ? 2 : 1);
        }
        advance();
    }

    /** Steps over a number, boolean, date or time. */
    void skipPlainValue() {
        int start = index;
        skipWord();
        boolean date = index - start == 10 && text.substring(start, index).matches("\\d{4}-\\d{2}-\\d{2}");
        if (date && peek() == ' ' && Character.isDigit(peek(1))) {
            // "1979-05-27 07:32:00": TOML allows a space between the date and the time
            advance();
            skipWord();
        }
    }

    private void skipWord() {
        while (!atEnd() && " \t\r\n,]}#".indexOf(peek()) < 0) {
            advance();
        }
    }

    /**
     * Reads one segment of a key: bare, "basic" or 'literal'.
     *
     * @return the segment, unescaped
     */
    String readKeySegment() {
        char first = peek();
        if (first == '"' || first == '\'') {
            advance();
            StringBuilder key = new StringBuilder();
            while (!atEnd() && peek() != first && peek() != '\n') {
                if (first == '"' && peek() == '\\') {
                    advance();
                    key.append(Escapes.read(this));
                } else {
                    key.append(peek());
                    advance();
                }
            }
            advance();
            return key.toString();
        }
        int start = index;
        while (isBareKeyCharacter(peek())) {
            advance();
        }
        if (index == start) {
            advance(); // not a key: step over it, so that the scan always moves on
        }
        return text.substring(start, index);
    }

    private static boolean isBareKeyCharacter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
