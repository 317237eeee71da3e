package dev.orrery.supervisor.internal;

import static dev.orrery.supervisor.internal.ScalarTypes.bool;
import static dev.orrery.supervisor.internal.ScalarTypes.integer;
import static dev.orrery.supervisor.internal.ScalarTypes.number;
import static dev.orrery.supervisor.internal.UnitTypes.duration;
import static dev.orrery.supervisor.internal.UnitTypes.size;

import dev.orrery.Endpoint;
import dev.orrery.supervisor.ScaleMetric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The keys of a {@code [services.NAME]} table and of {@code [defaults]}, with their built-in defaults: the one
 * place where those are listed. {@code docs/configuration.md} describes each.
 */
final class GroupSettings {
    /** The most workers a group may have on one host. */
    static final int MAX_WORKERS_LIMIT = 256;

    static final Setting<List<String>> CLASSES = Setting.of("classes", null, ListTypes.classNames());
    static final Setting<List<Path>> CLASSPATH = Setting.of("classpath", List.of(), PathTypes.classPath());
    static final Setting<Integer> MIN_WORKERS = Setting.of("min-workers", 1, integer(0, MAX_WORKERS_LIMIT));
    static final Setting<Integer> MAX_WORKERS = Setting.of("max-workers", 1, integer(1, MAX_WORKERS_LIMIT));
    static final Setting<Long> MEMORY_CAP = Setting.of("memory-cap", 512L << 20, size(16L << 20));
    static final Setting<List<String>> JVM_OPTIONS = Setting.of("jvm-options", List.of(), ListTypes.jvmOptions());
    static final Setting<Map<String, String>> ENV =
            Setting.merged("env", Map.of(), TextTypes.environment(), TextTypes::mergeEnvironment);
    static final Setting<Path> LOG_DIR = Setting.of("log-dir", Path.of("logs"), PathTypes.path());
    static final Setting<Long> LOG_MAX_SIZE = Setting.of("log-max-size", 10L << 20, size(64L << 10));
    static final Setting<Integer> LOG_KEEP = Setting.of("log-keep", 5, integer(0, 1000));
    static final Setting<Boolean> SHM = Setting.of("shm", true, bool());
    static final Setting<Endpoint> TCP_BIND =
            Setting.of("tcp-bind", new Endpoint("tcp", "127.0.0.1:0"), AddressTypes.hostPort());
    static final Setting<Duration> GRACE_PERIOD =
            Setting.of("grace-period", Duration.ofSeconds(10), duration(Duration.ZERO, Duration.ofHours(1)));
    static final Setting<Duration> RESTART_BACKOFF =
            Setting.of("restart-backoff", Duration.ofSeconds(1), duration(Duration.ofMillis(10), Duration.ofHours(1)));
    static final Setting<Duration> RESTART_BACKOFF_MAX = Setting.of("restart-backoff-max", Duration.ofSeconds(30),
            duration(Duration.ofMillis(10), Duration.ofHours(1)));
    static final Setting<Integer> CRASH_LOOP_LIMIT = Setting.of("crash-loop-limit", 5, integer(1, 1000));
    static final Setting<Duration> CRASH_LOOP_WINDOW = Setting.of("crash-loop-window", Duration.ofSeconds(60),
            duration(Duration.ofSeconds(1), Duration.ofHours(24)));

    static final Setting<ScaleMetric> METRIC =
            Setting.of("metric", ScaleMetric.UTILISATION, ScalarTypes.choice(ScaleMetric.class));
    static final Setting<Double> UP_THRESHOLD = Setting.of("up-threshold", 0.75, number(0, false, 1, true));
    static final Setting<Duration> UP_WINDOW =
            Setting.of("up-window", Duration.ofSeconds(10), duration(Duration.ofSeconds(1), Duration.ofHours(1)));
    static final Setting<Double> DOWN_THRESHOLD = Setting.of("down-threshold", 0.25, number(0, true, 1, false));
    static final Setting<Duration> DOWN_WINDOW =
            Setting.of("down-window", Duration.ofSeconds(60), duration(Duration.ofSeconds(1), Duration.ofHours(1)));
    static final Setting<Double> CPU_THRESHOLD = Setting.of("cpu-threshold", 0.8, number(0, false, 1, true));

    /** {@code scale}, inside a group or {@code [defaults]}. */
    static final Section SCALE = Section.of(METRIC, UP_THRESHOLD, UP_WINDOW, DOWN_THRESHOLD, DOWN_WINDOW,
            CPU_THRESHOLD);

    /** A {@code [services.NAME]} table. */
    static final Section GROUP = Section.of(CLASSES, CLASSPATH, MIN_WORKERS, MAX_WORKERS, MEMORY_CAP, JVM_OPTIONS,
            ENV, LOG_DIR, LOG_MAX_SIZE, LOG_KEEP, SHM, TCP_BIND, GRACE_PERIOD, RESTART_BACKOFF, RESTART_BACKOFF_MAX,
            CRASH_LOOP_LIMIT, CRASH_LOOP_WINDOW).with("scale", SCALE);

    /** {@code [defaults]}: every key of a group but {@code classes}. */
    static final Section DEFAULTS = GROUP.without(CLASSES,
            "the classes of a group go in its own [services.NAME] table, not in [defaults]");

    private GroupSettings() {
    }
}
