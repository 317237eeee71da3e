package dev.orrery.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the valid name that a misspelt one most likely meant, for "did you mean" hints: of a method or a service
 * in the command line, of a key in a config file.
 */
public final class NearestName {

    private NearestName() {
    }

    /**
     * The valid name nearest to a written one, when few enough edits apart to be a slip of the hand: at most one
     * edit per three characters written, plus one, and never more than three.
     *
     * @param written    the name as written
     * @param validKeys  the names that would be valid there
     * @return the nearest, or empty when none is near; the first listed wins a tie
     */
    public static Optional<String> of(String written, Collection<String> validKeys) {
        int limit = Math.min(3, written.length() / 3 + 1);
        String nearest = null;
        int nearestEdits = limit + 1;
        for (String key : validKeys) {
            int edits = edits(written, key);
            if (edits < nearestEdits) {
                nearest = key;
                nearestEdits = edits;
            }
        }
        return Optional.ofNullable(nearest);
    }

    /**
     * How many single-character insertions, deletions, replacements or swaps of two neighbours turn one text
     * into the other, ignoring case; each character takes part in one swap at most.
     *
     * @param from one text
     * @param to   the other
     * @return the number of edits
     */
    public static int edits(String from, String to) {
        String a = from.toLowerCase(Locale.ROOT);
        String b = to.toLowerCase(Locale.ROOT);
        int[] twoBack = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                boolean same = a.charAt(i - 1) == b.charAt(j - 1);
                int best = Math.min(previous[j - 1] + (same ? 0 : 1), Math.min(previous[j], current[j - 1]) + 1);
                boolean swapped = i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1);
                current[j] = swapped ? Math.min(best, twoBack[j - 2] + 1) : best;
            }
            int[] spare = twoBack;
            twoBack = previous;
            previous = current;
            current = spare;
        }
        return previous[b.length()];
    }
}
