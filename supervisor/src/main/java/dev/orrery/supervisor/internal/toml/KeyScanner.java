package dev.orrery.supervisor.internal.toml;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds where each key, table and array element of a TOML document is written.
 *
 * <p>Jackson's TOML parser (2.20) builds its whole tree before it hands out the first token, so its tokens
 * carry no location: {@code currentTokenLocation()} reports line -1 for every one. The config file's messages
 * need lines, so this scanner walks the text a second time, after Jackson has accepted it, and records the
 * position of every key path: keys under {@code [table]} and {@code [[array of tables]]} headers, dotted keys,
 * keys of inline tables, and the elements of arrays. It records the first place a path appears, and prefers a
 * header or key that names the path itself to one that only passes through it.
 *
 * <p>It also finds the first key given a value twice: Jackson notices that only once it has read the second
 * value and the line end after it, so its location points at the next line.
 */
public final class KeyScanner {
    private final TextCursor cursor;
    private final Map<KeyPath, Mark> marks = new HashMap<>();
    private final Map<KeyPath, Integer> tableArrayLengths = new HashMap<>();
    private final Set<KeyPath> assigned = new HashSet<>();
    private Repeat firstRepeat;

    private KeyScanner(String text) {
        this.cursor = new TextCursor(text);
    }

    /**
     * Scans a document.
     *
     * @param text a document that a TOML parser has accepted
     * @return the position of each key path the document writes
     */
    public static Map<KeyPath, Position> scan(String text) {
        KeyScanner scanner = new KeyScanner(text);
        scanner.document();
        Map<KeyPath, Position> positions = new HashMap<>();
        scanner.marks.forEach((path, mark) -> positions.put(path, mark.position()));
        return positions;
    }

    /**
     * Finds the first key that is given a value a second time.
     *
     * @param text a document, perhaps one that a TOML parser refused for that reason
     * @return the key's second occurrence, or empty when no key has two values
     */
    public static Optional<Repeat> firstRepeatedKey(String text) {
        KeyScanner scanner = new KeyScanner(text);
        scanner.document();
        return Optional.ofNullable(scanner.firstRepeat);
    }

    /**
     * A key given a value twice.
     *
     * @param path     the key
     * @param position where its second value is given
     */
    public record Repeat(KeyPath path, Position position) {
    }

    private void document() {
        KeyPath table = KeyPath.ROOT;
        cursor.skipBlank();
        while (!cursor.atEnd()) {
            int before = cursor.offset();
            if (cursor.peek() == '[') {
                table = header();
            } else {
                keyValue(table);
            }
            if (cursor.offset() == before) {
                cursor.advance();
            }
            cursor.skipBlank();
        }
    }

    /** A {@code [table]} or {@code [[array of tables]]} header: the table that the next keys belong to. */
    private KeyPath header() {
        boolean arrayOfTables = cursor.startsWith("[[");
        cursor.advance(arrayOfTables ? 2 : 1);
        Position start = positionAfterSpaces();
        KeyPath path = dottedKey(KeyPath.ROOT, !arrayOfTables);
        if (arrayOfTables) {
            int index = tableArrayLengths.merge(path, 1, Integer::sum) - 1;
            path = path.element(index);
            mark(path, start, true);
        }
        cursor.skipSpaces();
        while (cursor.peek() == ']') {
            cursor.advance();
        }
        return path;
    }

    private void keyValue(KeyPath table) {
        cursor.skipSpaces();
        Position start = cursor.position();
        KeyPath path = dottedKey(table, true);
        if (!assigned.add(path) && firstRepeat == null) {
            firstRepeat = new Repeat(path, start);
        }
        cursor.skipSpaces();
        if (cursor.peek() == '=') {
            cursor.advance();
            cursor.skipSpaces();
            value(path);
        }
    }

    /**
     * Reads a key such as {@code scale.metric} or {@code services."demo.kv"}, marking every path it passes.
     *
     * @param base        the table the key is relative to
     * @param intoLastArray whether a last segment that names an array of tables means its latest table
     */
    private KeyPath dottedKey(KeyPath base, boolean intoLastArray) {
        KeyPath path = base;
        while (true) {
            cursor.skipSpaces();
            Position at = cursor.position();
            path = path.child(cursor.readKeySegment());
            cursor.skipSpaces();
            boolean last = cursor.peek() != '.';
            mark(path, at, last);
            if (!last || intoLastArray) {
                path = latestTableOf(path);
            }
            if (last) {
                return path;
            }
            cursor.advance();
        }
    }

    /** A path that names an array of tables stands, inside a later header, for the array's latest table. */
    private KeyPath latestTableOf(KeyPath path) {
        Integer length = tableArrayLengths.get(path);
        return length == null ? path : path.element(length - 1);
    }

    private void value(KeyPath path) {
        switch (cursor.peek()) {
            case '"', '\'' -> cursor.skipString();
            case '[' -> array(path);
            case '{' -> inlineTable(path);
            default -> cursor.skipPlainValue();
        }
    }

    private void array(KeyPath path) {
        cursor.advance();
        int index = 0;
        while (true) {
            cursor.skipBlank();
            if (cursor.atEnd() || cursor.peek() == ']') {
                cursor.advance();
                return;
            }
            int before = cursor.offset();
            KeyPath element = path.element(index++);
            mark(element, cursor.position(), true);
            value(element);
            cursor.skipBlank();
            if (cursor.peek() == ',') {
                cursor.advance();
            } else if (cursor.offset() == before) {
                cursor.advance();
            }
        }
    }

    private void inlineTable(KeyPath path) {
        cursor.advance();
        while (true) {
            cursor.skipBlank();
            if (cursor.atEnd() || cursor.peek() == '}') {
                cursor.advance();
                return;
            }
            int before = cursor.offset();
            keyValue(path);
            cursor.skipBlank();
            if (cursor.peek() == ',') {
                cursor.advance();
            } else if (cursor.offset() == before) {
                cursor.advance();
            }
        }
    }

    private Position positionAfterSpaces() {
        cursor.skipSpaces();
        return cursor.position();
    }

    private void mark(KeyPath path, Position position, boolean named) {
        Mark earlier = marks.get(path);
        if (earlier == null || named && !earlier.named()) {
            marks.put(path, new Mark(position, named));
        }
    }

    /**
     * Where a path was seen.
     *
     * @param position the place
     * @param named    whether a header or key there names the path itself, rather than passing through it
     */
    private record Mark(Position position, boolean named) {
    }
}
