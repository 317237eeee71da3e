package dev.orrery.supervisor.internal.proc;

import java.util.Optional;

/**
 * The figures the supervisor reads from {@code /proc/PID/status}, the kernel's account of a process in lines
 * of {@code Key:\tvalue}.
 *
 * @param state    the first letter of {@code State}, such as {@code R}, {@code S}, or {@code Z} for a zombie
 * @param rssBytes {@code VmRSS}, which the kernel gives in kB (1024 bytes); 0 where it is missing, as it is for
 *                 kernel threads and zombies
 * @param threads  {@code Threads}
 */
record ProcStatus(char state, long rssBytes, int threads) {

    /**
     * Reads the text of a status file.
     *
     * @param text the file's content
     * @return its figures, or empty when {@code State} or {@code Threads} is missing or unreadable
     */
    static Optional<ProcStatus> parse(String text) {
        char state = 0;
        long rssBytes = 0;
        int threads = -1;
        try {
            for (String line : text.split("\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String value = line.substring(colon + 1).strip();
                switch (line.substring(0, colon)) {
                    case "State" -> state = value.isEmpty() ? 0 : value.charAt(0);
                    case "VmRSS" -> rssBytes = kibibytes(value);
                    case "Threads" -> threads = Integer.parseInt(value);
                    default -> {
                        // Not a figure the supervisor shows.
                    }
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return state == 0 || threads < 0 ? Optional.empty() : Optional.of(new ProcStatus(state, rssBytes, threads));
    }

    /**
     * Whether the process has ended: a zombie waiting for its parent to collect it, or dead.
     *
     * @return true for the states {@code Z} and {@code X}
     */
    boolean ended() {
        return state == 'Z' || state == 'X';
    }

    private static long kibibytes(String value) {
        int space = value.indexOf(' ');
        String number = space < 0 ? value : value.substring(0, space);
        return Math.multiplyExact(Long.parseLong(number), 1024L);
    }
}
