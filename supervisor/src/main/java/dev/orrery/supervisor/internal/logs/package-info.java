/**
 * Worker output: not API. An {@link dev.orrery.supervisor.internal.logs.OutputPump} reads a worker's stream line
 * by line into a {@link dev.orrery.supervisor.internal.logs.RotatingFile} under the log directory and into the
 * {@link dev.orrery.supervisor.internal.logs.LogBook}, the bounded in-memory record of every group's latest
 * lines that the console reads and tails.
 */
package dev.orrery.supervisor.internal.logs;
