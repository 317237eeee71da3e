package dev.orrery.supervisor;

import java.time.Instant;

/**
 * One line of a worker's output, or of the supervisor's own account of a group.
 *
 * @param seq    its place among every line the supervisor kept, increasing
 * @param time   when the supervisor read it
 * @param group  the group of the worker that wrote it
 * @param pid    the worker's process id; 0 for the supervisor's own lines
 * @param stream {@code stdout}, {@code stderr}, or {@code supervisor}
 * @param text   the line, without its line break
 */
public record LogLine(long seq, Instant time, String group, long pid, String stream, String text) {
}
