package dev.orrery.supervisor;

import dev.orrery.supervisor.internal.ConfigReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The supervisor's config file, {@code orrery.toml}, read and checked: the name server, the console, and the
 * service groups whose workers the supervisor runs, each with every setting resolved.
 *
 * @param file       the file it was read from, as given
 * @param nameServer the name server that workers register with
 * @param console    the web console
 * @param services   the service groups, in the file's order; empty when the supervisor runs only the name
 *                   server and the console
 */
public record SupervisorConfig(Path file, NameServerSettings nameServer, ConsoleSettings console,
                               List<ServiceGroup> services) {

    /** Checks that the parts are there and copies the list of groups. */
    public SupervisorConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(nameServer, "nameServer");
        Objects.requireNonNull(console, "console");
        services = List.copyOf(services);
    }

    /**
     * Reads and checks a config file. Every problem in the file is reported at once, each with its line and
     * key and what would be valid; relative paths in the file are resolved against the file's directory.
     *
     * @param file the file, such as {@code orrery.toml}
     * @return the config, with every default applied
     * @throws ConfigException when the file cannot be read, is not TOML, or anything in it is not valid
     */
    public static SupervisorConfig load(Path file) {
        return ConfigReader.read(file);
    }

    /**
     * A service group by name.
     *
     * @param name such as {@code echo}
     * @return the group, or empty when there is none of that name
     */
    public Optional<ServiceGroup> service(String name) {
        return services.stream().filter(group -> group.name().equals(name)).findFirst();
    }
}
