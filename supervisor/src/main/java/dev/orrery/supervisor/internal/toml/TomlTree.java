package dev.orrery.supervisor.internal.toml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a TOML document into {@link TomlNode}s: Jackson's streaming parser gives the values, {@link KeyScanner}
 * the positions of their keys.
 */
public final class TomlTree {
    /** Dates and times come back as such, so that a date where a string belongs is reported as a date. */
    private static final TomlFactory FACTORY = TomlFactory.builder()
            .enable(TomlReadFeature.PARSE_JAVA_TIME)
            .build();

    /** Jackson's message for a key given two values, which it reports one line late. */
    private static final String DUPLICATE_KEY = "Duplicate key";

    private final Map<KeyPath, Position> positions;

    private TomlTree(Map<KeyPath, Position> positions) {
        this.positions = positions;
    }

    /**
     * Reads a document.
     *
     * @param text the document
     * @return its top-level table, whose own position is unknown
     * @throws TomlSyntaxException when the text is not TOML; it says where, as Jackson reports it
     */
    public static TomlNode.Table parse(String text) throws TomlSyntaxException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.nextToken();
            TomlTree tree = new TomlTree(KeyScanner.scan(text));
            return (TomlNode.Table) tree.read(parser, KeyPath.ROOT, Position.UNKNOWN);
        } catch (JsonProcessingException e) {
            if (DUPLICATE_KEY.equals(e.getOriginalMessage())) {
                Optional<KeyScanner.Repeat> repeat = KeyScanner.firstRepeatedKey(text);
                if (repeat.isPresent()) {
                    KeyPath key = repeat.get().path();
                    throw new TomlSyntaxException(key + " is given a value twice", repeat.get().position(), key, e);
                }
            }
            throw new TomlSyntaxException(describe(e), positionOf(e.getLocation()), KeyPath.ROOT, e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading TOML from a string failed", e);
        }
    }

    /** Reads the value at the parser's current token, and everything inside it. */
    private TomlNode read(JsonParser parser, KeyPath path, Position parentPosition) throws IOException {
        Position at = path.isRoot() ? Position.UNKNOWN : positions.getOrDefault(path, parentPosition);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> table(parser, path, at);
            case START_ARRAY -> array(parser, path, at);
            case VALUE_STRING -> new TomlNode.Text(path, at, parser.getText());
            case VALUE_NUMBER_INT -> new TomlNode.Int(path, at, parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> new TomlNode.Real(path, at, parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> new TomlNode.Bool(path, at, token == JsonToken.VALUE_TRUE);
            case VALUE_EMBEDDED_OBJECT -> new TomlNode.DateTime(path, at, String.valueOf(parser.getEmbeddedObject()));
            default -> throw new IllegalStateException("unexpected " + token + " at " + path + " from the TOML parser");
        };
    }

    private TomlNode table(JsonParser parser, KeyPath path, Position at) throws IOException {
        Map<String, TomlNode> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            entries.put(key, read(parser, path.child(key), at));
        }
        return new TomlNode.Table(path, at, entries);
    }

    private TomlNode array(JsonParser parser, KeyPath path, Position at) throws IOException {
        List<TomlNode> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(read(parser, path.element(elements.size()), at));
        }
        return new TomlNode.Array(path, at, elements);
    }

    private static Position positionOf(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return Position.UNKNOWN;
        }
        return new Position(location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }

    /** Jackson's message without its location, which the config file's own format shows instead. */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return "not valid TOML";
        }
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
}
