package dev.orrery.supervisor.internal;

import static dev.orrery.supervisor.internal.GroupSettings.CLASSES;
import static dev.orrery.supervisor.internal.GroupSettings.CLASSPATH;
import static dev.orrery.supervisor.internal.GroupSettings.CPU_THRESHOLD;
import static dev.orrery.supervisor.internal.GroupSettings.CRASH_LOOP_LIMIT;
import static dev.orrery.supervisor.internal.GroupSettings.CRASH_LOOP_WINDOW;
import static dev.orrery.supervisor.internal.GroupSettings.DOWN_THRESHOLD;
import static dev.orrery.supervisor.internal.GroupSettings.DOWN_WINDOW;
import static dev.orrery.supervisor.internal.GroupSettings.ENV;
import static dev.orrery.supervisor.internal.GroupSettings.GRACE_PERIOD;
import static dev.orrery.supervisor.internal.GroupSettings.JVM_OPTIONS;
import static dev.orrery.supervisor.internal.GroupSettings.LOG_DIR;
import static dev.orrery.supervisor.internal.GroupSettings.LOG_KEEP;
import static dev.orrery.supervisor.internal.GroupSettings.LOG_MAX_SIZE;
import static dev.orrery.supervisor.internal.GroupSettings.MAX_WORKERS;
import static dev.orrery.supervisor.internal.GroupSettings.MEMORY_CAP;
import static dev.orrery.supervisor.internal.GroupSettings.METRIC;
import static dev.orrery.supervisor.internal.GroupSettings.MIN_WORKERS;
import static dev.orrery.supervisor.internal.GroupSettings.RESTART_BACKOFF;
import static dev.orrery.supervisor.internal.GroupSettings.RESTART_BACKOFF_MAX;
import static dev.orrery.supervisor.internal.GroupSettings.SHM;
import static dev.orrery.supervisor.internal.GroupSettings.TCP_BIND;
import static dev.orrery.supervisor.internal.GroupSettings.UP_THRESHOLD;
import static dev.orrery.supervisor.internal.GroupSettings.UP_WINDOW;

import dev.orrery.supervisor.LaunchSettings;
import dev.orrery.supervisor.ListenSettings;
import dev.orrery.supervisor.LogSettings;
import dev.orrery.supervisor.RestartPolicy;
import dev.orrery.supervisor.ScalePolicy;
import dev.orrery.supervisor.ServiceGroup;
import java.nio.file.Path;
import java.util.List;

/** Turns a service group's resolved, valid values into the model, with paths made absolute. */
final class ModelBuilder {

    private ModelBuilder() {
    }

    /**
     * Builds a group.
     *
     * @param group     the group's name and values, all valid
     * @param directory the config file's directory, absolute, which relative paths are resolved against
     * @return the group
     */
    static ServiceGroup group(ServicesSection.Group group, Path directory) {
        Values v = group.values();
        LaunchSettings launch = new LaunchSettings(absolute(v.value(CLASSPATH), directory), v.value(JVM_OPTIONS),
                v.value(ENV), v.value(MEMORY_CAP));
        ListenSettings listen = new ListenSettings(v.value(SHM), v.value(TCP_BIND));
        LogSettings logs = new LogSettings(absolute(v.value(LOG_DIR), directory), v.value(LOG_MAX_SIZE),
                v.value(LOG_KEEP));
        RestartPolicy restarts = new RestartPolicy(v.value(GRACE_PERIOD), v.value(RESTART_BACKOFF),
                v.value(RESTART_BACKOFF_MAX), v.value(CRASH_LOOP_LIMIT), v.value(CRASH_LOOP_WINDOW));
        ScalePolicy scale = new ScalePolicy(v.value(MIN_WORKERS), v.value(MAX_WORKERS), v.value(METRIC),
                v.value(UP_THRESHOLD), v.value(UP_WINDOW), v.value(DOWN_THRESHOLD), v.value(DOWN_WINDOW),
                v.value(CPU_THRESHOLD));
        return new ServiceGroup(group.name(), v.value(CLASSES), launch, listen, logs, restarts, scale);
    }

    private static Path absolute(Path path, Path directory) {
        return directory.resolve(path).normalize();
    }

    private static List<Path> absolute(List<Path> paths, Path directory) {
        return paths.stream().map(path -> absolute(path, directory)).toList();
    }
}
