/**
 * Statistics of processes, as the supervisor measures its workers: not API. {@link
 * dev.orrery.supervisor.internal.proc.ProcessStats} reads one process's CPU time, resident memory and threads;
 * {@link dev.orrery.supervisor.internal.proc.CpuMeter} turns successive readings into CPU use.
 */
package dev.orrery.supervisor.internal.proc;
