package dev.orrery.supervisor.internal.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One reading of a process's use of the machine.
 *
 * @param pid      the process id
 * @param cpuTime  the CPU time its threads used since it started, in user and kernel mode together
 * @param rssBytes its resident set size, in bytes
 * @param threads  how many threads it has
 */
public record ProcessStats(long pid, Duration cpuTime, long rssBytes, int threads) {
    private static final Path PROC = Path.of("/proc");

    /** Checks that the CPU time is there. */
    public ProcessStats {
        Objects.requireNonNull(cpuTime, "cpuTime");
    }

    /**
     * Reads a process's figures: resident memory and threads from {@code /proc/PID/status}, CPU time from {@link
     * ProcessHandle.Info#totalCpuDuration()}, which reads {@code /proc/PID/stat} and knows the length of the
     * kernel's clock tick. The two are read one after the other, not at one instant.
     *
     * @param pid the process id
     * @return the figures, or empty when there is no such process, it has ended (a zombie), it cannot be read,
     *         or there is no {@code /proc}, as on systems other than Linux
     */
    public static Optional<ProcessStats> read(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        String text;
        try {
            // The name in the file is whatever bytes the process chose: Latin-1 reads any of them.
            text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("status"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<ProcStatus> status = ProcStatus.parse(text).filter(s -> !s.ended());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> cpu = ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration());
        return cpu.map(time -> new ProcessStats(pid, time, status.get().rssBytes(), status.get().threads()));
    }
}
