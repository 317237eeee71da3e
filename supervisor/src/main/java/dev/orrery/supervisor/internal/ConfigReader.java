package dev.orrery.supervisor.internal;

import dev.orrery.supervisor.ConfigException;
import dev.orrery.supervisor.ServiceGroup;
import dev.orrery.supervisor.SupervisorConfig;
import dev.orrery.supervisor.internal.toml.TomlNode;
import dev.orrery.supervisor.internal.toml.TomlSyntaxException;
import dev.orrery.supervisor.internal.toml.TomlTree;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the supervisor's config file: the whole file is checked, and every problem found is reported together,
 * each with its line, the key and what would be valid.
 */
public final class ConfigReader {
    private static final List<String> TABLES = List.of("nameserver", "console", "defaults", "services");

    private final Path file;
    private final Problems problems;

    private ConfigReader(Path file) {
        this.file = file;
        this.problems = new Problems(file);
    }

    /**
     * Reads and checks a config file.
     *
     * @param file the file; relative paths in it are resolved against its directory
     * @return the config, every default applied
     * @throws ConfigException with every problem, when the file cannot be read or anything in it is not valid
     */
    public static SupervisorConfig read(Path file) {
        return new ConfigReader(file).read();
    }

    private SupervisorConfig read() {
        TomlNode.Table root = parse(text());
        Map<String, TomlNode> entries = root.entries();
        entries.forEach((key, node) -> {
            if (!TABLES.contains(key)) {
                problems.unknownKey(node, key, TABLES);
            } else if (!(node instanceof TomlNode.Table)) {
                problems.invalid(node, "must be a table, [" + key + "]");
            }
        });
        Values nameServer = NameServerSection.read(table(entries, "nameserver"), problems);
        Values console = ConsoleSection.read(table(entries, "console"), NameServerSection.embeddedPort(nameServer),
                nameServer, problems);
        Values defaults = ServicesSection.defaults(table(entries, "defaults"), problems);
        List<ServicesSection.Group> groups = ServicesSection.groups(entries.get("services"), defaults, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.inFileOrder(), null);
        }
        Path directory = file.toAbsolutePath().normalize().getParent();
        List<ServiceGroup> services = new ArrayList<>();
        groups.forEach(group -> services.add(ModelBuilder.group(group, directory)));
        return new SupervisorConfig(file, NameServerSection.settings(nameServer), ConsoleSection.settings(console),
                services);
    }

    private static TomlNode.Table table(Map<String, TomlNode> entries, String key) {
        return entries.get(key) instanceof TomlNode.Table table ? table : null;
    }

    private String text() {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw fail("cannot be read: there is no such file", e);
        } catch (AccessDeniedException e) {
            throw fail("cannot be read: permission denied", e);
        } catch (MalformedInputException e) {
            throw fail("is not UTF-8 text, which TOML requires", e);
        } catch (IOException e) {
            throw fail("cannot be read: " + e.getMessage(), e);
        }
    }

    private TomlNode.Table parse(String text) {
        try {
            return TomlTree.parse(text);
        } catch (TomlSyntaxException e) {
            problems.at(e.position(), e.key(), "not valid TOML: " + e.getMessage());
            throw new ConfigException(problems.inFileOrder(), e);
        }
    }

    private ConfigException fail(String message, IOException cause) {
        problems.ofFile(message);
        return new ConfigException(problems.inFileOrder(), cause);
    }
}
