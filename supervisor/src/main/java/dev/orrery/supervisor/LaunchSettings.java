package dev.orrery.supervisor;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each worker process of a service group is started.
 *
 * @param classPath  the worker's class path, each entry an absolute path whose last segment may hold a
 *                   {@code *} wildcard; empty to give workers the supervisor's own class path
 * @param jvmOptions options of the worker's JVM, such as {@code -Dkey=value}, in order
 * @param env        environment variables the worker gets beside the supervisor's own, in the file's order
 * @param memoryCap  the most resident memory a worker may use, in bytes; its heap limit is three quarters of it
 */
public record LaunchSettings(List<Path> classPath, List<String> jvmOptions, Map<String, String> env,
                             long memoryCap) {

    /** Makes the lists and the map unmodifiable copies. */
    public LaunchSettings {
        classPath = List.copyOf(classPath);
        jvmOptions = List.copyOf(jvmOptions);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }
}
