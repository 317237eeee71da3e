package dev.orrery.supervisor.internal;

import dev.orrery.internal.NearestName;
import dev.orrery.supervisor.internal.toml.TomlNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Integers, numbers, booleans and choices among words. */
final class ScalarTypes {

    private ScalarTypes() {
    }

    /** An integer from {@code min} to {@code max}. */
    static ValueType<Integer> integer(int min, int max) {
        String expected = "an integer from " + min + " to " + max;
        return (node, problems) -> {
            if (!(node instanceof TomlNode.Int number)) {
                problems.invalid(node, "must be " + expected + ", got " + node.kind() + unquoteHint(node));
                return null;
            }
            BigInteger value = number.value();
            if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
                problems.invalid(node, "must be from " + min + " to " + max);
                return null;
            }
            return value.intValue();
        };
    }

    /**
     * A number, integer or float, within bounds.
     *
     * @param low           the lower bound
     * @param lowIncluded   whether the lower bound itself is valid
     * @param high          the upper bound
     * @param highIncluded  whether the upper bound itself is valid
     */
    static ValueType<Double> number(double low, boolean lowIncluded, double high, boolean highIncluded) {
        String range = (lowIncluded ? "at least " : "above ") + format(low)
                + (highIncluded ? " and at most " : " and below ") + format(high);
        return new ValueType<>() {
            @Override
            public Double parse(TomlNode node, Problems problems) {
                double value;
                if (node instanceof TomlNode.Real real) {
                    value = real.value();
                } else if (node instanceof TomlNode.Int integer) {
                    value = integer.value().doubleValue();
                } else {
                    problems.invalid(node, "must be a number " + range + ", got " + node.kind() + unquoteHint(node));
                    return null;
                }
                boolean aboveLow = lowIncluded ? value >= low : value > low;
                boolean belowHigh = highIncluded ? value <= high : value < high;
                if (!aboveLow || !belowHigh) {
                    problems.invalid(node, "must be " + range);
                    return null;
                }
                return value;
            }

            @Override
            public String format(Double value) {
                return ScalarTypes.format(value);
            }
        };
    }

    /** {@code true} or {@code false}. */
    static ValueType<Boolean> bool() {
        return (node, problems) -> {
            if (node instanceof TomlNode.Bool bool) {
                return bool.value();
            }
            problems.invalid(node, "must be true or false, got " + node.kind() + unquoteHint(node));
            return null;
        };
    }

    /** One of the constants of an enum, written in lower case. */
    static <E extends Enum<E>> ValueType<E> choice(Class<E> type) {
        List<E> constants = Arrays.asList(type.getEnumConstants());
        List<String> words = constants.stream().map(ScalarTypes::word).toList();
        return new ValueType<>() {
            @Override
            public E parse(TomlNode node, Problems problems) {
                if (node instanceof TomlNode.Text text && words.contains(text.value())) {
                    return constants.get(words.indexOf(text.value()));
                }
                String hint = node instanceof TomlNode.Text text
                        ? NearestName.of(text.value(), words).map(word -> "; did you mean " + word + "?").orElse("")
                        : "";
                problems.invalid(node, "must be one of " + String.join(", ", words) + hint);
                return null;
            }

            @Override
            public String format(E value) {
                return word(value);
            }
        };
    }

    private static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** A number as a person writes it: {@code 0.75}, {@code 1}. */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** For a string that holds what the key wants, such as "3" or "true": say to drop the quotes. */
    private static String unquoteHint(TomlNode node) {
        if (node instanceof TomlNode.Text text && text.value().strip().matches("[-+]?[0-9][0-9_.eE+-]*|true|false")) {
            return "; write it without quotes";
        }
        return "";
    }
}
