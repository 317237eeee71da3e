package dev.orrery.supervisor.internal;

import static dev.orrery.supervisor.internal.GroupSettings.DOWN_THRESHOLD;
import static dev.orrery.supervisor.internal.GroupSettings.DOWN_WINDOW;
import static dev.orrery.supervisor.internal.GroupSettings.MAX_WORKERS;
import static dev.orrery.supervisor.internal.GroupSettings.MIN_WORKERS;
import static dev.orrery.supervisor.internal.GroupSettings.RESTART_BACKOFF;
import static dev.orrery.supervisor.internal.GroupSettings.RESTART_BACKOFF_MAX;
import static dev.orrery.supervisor.internal.GroupSettings.TCP_BIND;
import static dev.orrery.supervisor.internal.GroupSettings.UP_THRESHOLD;
import static dev.orrery.supervisor.internal.GroupSettings.UP_WINDOW;

import dev.orrery.supervisor.internal.Located.Source;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A rule between two settings of a service group, such as {@code min-workers <= max-workers}. It is checked
 * on the values a table ends up with, and reported against a value the table writes itself: a break between
 * two inherited values is reported once, in {@code [defaults]}, rather than once per group.
 *
 * @param first        one setting
 * @param second       the other
 * @param holds        whether the two values agree
 * @param firstReason  what is wrong with the first value, {@code %s} being the second described
 * @param secondReason what is wrong with the second value, {@code %s} being the first described
 * @param <A>          the first setting's value
 * @param <B>          the second setting's value
 */
record Relation<A, B>(Setting<A> first, Setting<B> second, BiPredicate<A, B> holds, String firstReason,
                      String secondReason) {

    private static final List<Relation<?, ?>> RULES = List.of(
            new Relation<>(MIN_WORKERS, MAX_WORKERS, (min, max) -> min <= max,
                    "must be at most %s", "must be at least %s"),
            new Relation<>(RESTART_BACKOFF, RESTART_BACKOFF_MAX, (first, most) -> first.compareTo(most) <= 0,
                    "must be at most %s", "must be at least %s"),
            new Relation<>(UP_THRESHOLD, DOWN_THRESHOLD, (up, down) -> down < up,
                    "must be above %s", "must be below %s"),
            new Relation<>(UP_WINDOW, DOWN_WINDOW, (up, down) -> up.compareTo(down) <= 0,
                    "must be at most %s, so that a group shrinks no faster than it grows",
                    "must be at least %s, so that a group shrinks no faster than it grows"),
            new Relation<>(MAX_WORKERS, TCP_BIND, (max, bind) -> max == 1 || bind.port() == 0,
                    "must be 1 while %s has a fixed port, which only one worker can listen on; or use port 0",
                    "has a fixed port, which only one worker can listen on, and %s allows more; "
                            + "use port 0, or max-workers = 1"));

    /**
     * Checks every rule of a service group.
     *
     * @param values   a table's resolved values
     * @param problems where broken rules go
     */
    static void check(Values values, Problems problems) {
        RULES.forEach(rule -> rule.checkOne(values, problems));
    }

    private void checkOne(Values values, Problems problems) {
        Located<A> a = values.get(first);
        Located<B> b = values.get(second);
        if (!a.usable() || !b.usable() || holds.test(a.value(), b.value())) {
            return;
        }
        if (b.source() == Source.OWN) {
            problems.invalid(b.node(), secondReason.formatted(describe(first, a)));
        } else if (a.source() == Source.OWN) {
            problems.invalid(a.node(), firstReason.formatted(describe(second, b)));
        }
    }

    /** A setting and its value, and where the value comes from unless it is the same table. */
    private static <T> String describe(Setting<T> setting, Located<T> located) {
        String origin = switch (located.source()) {
            case OWN -> "";
            case INHERITED -> ", from " + located.node().path();
            case BUILT_IN -> ", the default";
        };
        return setting.key() + " (" + setting.format(located.value()) + origin + ")";
    }
}
