package dev.orrery.supervisor.internal.run;

import dev.orrery.SharedMemory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a worker process is told on its command line: the supervisor writes them with {@link #toArgs()}, the
 * worker reads them with {@link #parse(String[])}.
 *
 * @param group          its group
 * @param slot           its place in the group, from 1
 * @param nameServer     the name server to register with
 * @param supervisor     the supervisor's endpoint, to report to
 * @param listen         where to accept calls, such as {@code tcp://127.0.0.1:0}
 * @param sharedMemory   whether to serve peers on this host over shared memory too
 * @param grace          how long calls in flight may take to finish when the worker stops
 * @param reportInterval how often the worker reports to the supervisor
 * @param classes        the implementation classes it serves
 */
public record WorkerArgs(String group, int slot, String nameServer, String supervisor, String listen,
                         SharedMemory sharedMemory, Duration grace, Duration reportInterval, List<String> classes) {

    /** Checks and copies. */
    public WorkerArgs {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(nameServer, "nameServer");
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(sharedMemory, "sharedMemory");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(reportInterval, "reportInterval");
        classes = List.copyOf(classes);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a worker serves at least one class (--class)");
        }
    }

    /**
     * The arguments as a command line.
     *
     * @return the arguments, in order
     */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of("--group", group, "--slot", Integer.toString(slot),
                "--nameserver", nameServer, "--supervisor", supervisor, "--listen", listen,
                "--shared-memory", sharedMemory.toString(), "--grace", Long.toString(grace.toMillis()),
                "--report-interval", Long.toString(reportInterval.toMillis())));
        for (String name : classes) {
            args.add("--class");
            args.add(name);
        }
        return args;
    }

    /**
     * Reads a command line written by {@link #toArgs()}.
     *
     * @param args the command line
     * @return the arguments
     * @throws IllegalArgumentException naming the option that is missing or wrong
     */
    public static WorkerArgs parse(String[] args) {
        String group = null;
        String nameServer = null;
        String supervisor = null;
        String listen = null;
        int slot = 0;
        SharedMemory sharedMemory = SharedMemory.AUTO;
        long graceMillis = 10_000;
        long reportMillis = 1_000;
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " has no value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--group" -> group = value;
                case "--slot" -> slot = Integer.parseInt(value);
                case "--nameserver" -> nameServer = value;
                case "--supervisor" -> supervisor = value;
                case "--listen" -> listen = value;
                case "--shared-memory" -> sharedMemory = SharedMemory.of(value);
                case "--grace" -> graceMillis = Long.parseLong(value);
                case "--report-interval" -> reportMillis = Long.parseLong(value);
                case "--class" -> classes.add(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new WorkerArgs(required(group, "--group"), slot, required(nameServer, "--nameserver"),
                required(supervisor, "--supervisor"), required(listen, "--listen"), sharedMemory,
                Duration.ofMillis(graceMillis), Duration.ofMillis(reportMillis), classes);
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException("option " + option + " is missing");
        }
        return value;
    }
}
