package dev.orrery.supervisor.internal.toml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A value of a TOML document, with the path and the position of the key (or array element) that holds it. */
public sealed interface TomlNode {

    /** The longest text {@link #render()} returns, so that messages stay on one line. */
    int MAX_RENDERED = 60;

    /**
     * Where the value sits in the document.
     *
     * @return its key path
     */
    KeyPath path();

    /**
     * Where its key is written in the file.
     *
     * @return the position, {@link Position#UNKNOWN} when not known
     */
    Position position();

    /**
     * The kind of value, with its article, for messages: "a string", "an integer".
     *
     * @return the kind
     */
    String kind();

    /**
     * The value as TOML would write it, cut to {@value #MAX_RENDERED} characters, for messages.
     *
     * @return the text
     */
    default String render() {
        String full = toToml();
        return full.length() <= MAX_RENDERED ? full : full.substring(0, MAX_RENDERED - 3) + "...";
    }

    /**
     * The value as TOML would write it.
     *
     * @return the text
     */
    String toToml();

    /**
     * A table: keys in the order the document gives them.
     *
     * @param path     where it sits
     * @param position where its header or key is written
     * @param entries  its keys and values
     */
    record Table(KeyPath path, Position position, Map<String, TomlNode> entries) implements TomlNode {
        /** Keeps the document's order and makes the entries unmodifiable. */
        public Table {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a table";
        }

        @Override
        public String toToml() {
            StringBuilder text = new StringBuilder("{ ");
            entries.forEach((key, value) -> {
                if (text.length() > 2) {
                    text.append(", ");
                }
                text.append(KeyPath.ROOT.child(key)).append(" = ").append(value.toToml());
            });
            return text.append(entries.isEmpty() ? "}" : " }").toString();
        }
    }

    /**
     * An array.
     *
     * @param path     where it sits
     * @param position where its key is written
     * @param elements its values
     */
    record Array(KeyPath path, Position position, List<TomlNode> elements) implements TomlNode {
        /** Makes the elements unmodifiable. */
        public Array {
            elements = List.copyOf(elements);
        }

        @Override
        public String kind() {
            return "an array";
        }

        @Override
        public String toToml() {
            StringBuilder text = new StringBuilder("[");
            for (TomlNode element : elements) {
                text.append(text.length() > 1 ? ", " : "").append(element.toToml());
            }
            return text.append(']').toString();
        }
    }

    /**
     * A string.
     *
     * @param path     where it sits
     * @param position where its key is written
     * @param value    the text, unescaped
     */
    record Text(KeyPath path, Position position, String value) implements TomlNode {
        @Override
        public String kind() {
            return "a string";
        }

        @Override
        public String toToml() {
            return KeyPath.quote(value);
        }
    }

    /**
     * An integer, of any size.
     *
     * @param path     where it sits
     * @param position where its key is written
     * @param value    the number
     */
    record Int(KeyPath path, Position position, BigInteger value) implements TomlNode {
        @Override
        public String kind() {
            return "an integer";
        }

        @Override
        public String toToml() {
            return value.toString();
        }
    }

    /**
     * A float, {@code inf} and {@code nan} included.
     *
     * @param path     where it sits
     * @param position where its key is written
     * @param value    the number
     */
    record Real(KeyPath path, Position position, double value) implements TomlNode {
        @Override
        public String kind() {
            return "a float";
        }

        @Override
        public String toToml() {
            if (Double.isNaN(value)) {
                return "nan";
            }
            if (Double.isInfinite(value)) {
                return value > 0 ? "inf" : "-inf";
            }
            String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
    }

    /**
     * A boolean.
     *
     * @param path     where it sits
     * @param position where its key is written
     * @param value    the truth
     */
    record Bool(KeyPath path, Position position, boolean value) implements TomlNode {
        @Override
        public String kind() {
            return "a boolean";
        }

        @Override
        public String toToml() {
            return Boolean.toString(value);
        }
    }

    /**
     * A date, a time, or both: no key of the config file takes one, so only its text is kept.
     *
     * @param path     where it sits
     * @param position where its key is written
     * @param value    the date or time as TOML writes it
     */
    record DateTime(KeyPath path, Position position, String value) implements TomlNode {
        @Override
        public String kind() {
            return "a date-time";
        }

        @Override
        public String toToml() {
            return value;
        }
    }
}
