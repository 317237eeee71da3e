package dev.orrery.supervisor.internal;

import dev.orrery.supervisor.internal.toml.TomlNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Strings with a shape of their own: secrets and environment variables. */
final class TextTypes {
    /** The shortest token the console accepts: a guessable token protects nothing. */
    static final int MIN_TOKEN_LENGTH = 16;

    private TextTypes() {
    }

    /** A secret of at least {@value #MIN_TOKEN_LENGTH} visible characters; messages never show it. */
    static ValueType<String> token() {
        return new ValueType<>() {
            @Override
            public String parse(TomlNode node, Problems problems) {
                String rule = "must be a string of at least " + MIN_TOKEN_LENGTH
                        + " characters, without spaces or control characters";
                if (!(node instanceof TomlNode.Text text)) {
                    problems.at(node, node.path() + ": " + rule + ", got " + node.kind());
                    return null;
                }
                boolean visible = text.value().codePoints().allMatch(c -> c > ' ' && c != 0x7f);
                if (text.value().length() < MIN_TOKEN_LENGTH || !visible) {
                    problems.at(node, node.path() + ": " + rule);
                    return null;
                }
                return text.value();
            }

            @Override
            public String format(String value) {
                return "***";
            }
        };
    }

    /** A table of environment variables: names of letters, digits and '_', values strings. */
    static ValueType<Map<String, String>> environment() {
        return (node, problems) -> {
            if (!(node instanceof TomlNode.Table table)) {
                problems.invalid(node, "must be a table of strings, such as { APP_MODE = \"demo\" }");
                return null;
            }
            Map<String, String> env = new LinkedHashMap<>();
            boolean valid = true;
            for (Map.Entry<String, TomlNode> entry : table.entries().entrySet()) {
                TomlNode value = entry.getValue();
                if (!entry.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    problems.at(value, "environment variable " + value.path() + " needs a name of letters, "
                            + "digits and '_', not starting with a digit");
                    valid = false;
                } else if (value instanceof TomlNode.Text text) {
                    env.put(entry.getKey(), text.value());
                } else {
                    problems.invalid(value, "must be a string, got " + value.kind() + "; put it in quotes");
                    valid = false;
                }
            }
            return valid ? env : null;
        };
    }

    /** Environment variables of a service group: the inherited ones, and its own beside or over them. */
    static Map<String, String> mergeEnvironment(Map<String, String> inherited, Map<String, String> own) {
        Map<String, String> merged = new LinkedHashMap<>(inherited);
        merged.putAll(own);
        return merged;
    }
}
