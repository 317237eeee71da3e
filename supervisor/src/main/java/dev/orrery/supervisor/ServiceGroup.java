package dev.orrery.supervisor;

import java.util.List;
import java.util.Objects;

/**
 * A group of worker processes that serve the same services, from one {@code [services.NAME]} table, with
 * every setting it does not give taken from {@code [defaults]}, and from the built-in defaults beyond that.
 *
 * @param name     the group's name, such as {@code echo}
 * @param classes  the fully qualified names of the service implementations each worker serves, in order
 * @param launch   how a worker is started
 * @param listen   where a worker accepts calls
 * @param logs     where a worker's output goes
 * @param restarts how workers are stopped and restarted
 * @param scale    how many workers run
 */
public record ServiceGroup(String name, List<String> classes, LaunchSettings launch, ListenSettings listen,
                           LogSettings logs, RestartPolicy restarts, ScalePolicy scale) {

    /** Checks that the parts are there and copies the list of classes. */
    public ServiceGroup {
        Objects.requireNonNull(name, "name");
        classes = List.copyOf(classes);
        Objects.requireNonNull(launch, "launch");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(restarts, "restarts");
        Objects.requireNonNull(scale, "scale");
    }
}
