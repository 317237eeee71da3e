package dev.orrery.supervisor.internal;

import dev.orrery.supervisor.ConsoleSettings;
import dev.orrery.supervisor.internal.Located.Source;
import dev.orrery.supervisor.internal.toml.TomlNode;
import java.util.Optional;

/** {@code [console]}: the web console the supervisor serves. */
final class ConsoleSection {
    static final Setting<Integer> PORT = Setting.of("port", 5155, ScalarTypes.integer(0, 65535));
    static final Setting<String> BIND = Setting.of("bind", "127.0.0.1", AddressTypes.bindAddress());
    static final Setting<String> TOKEN = Setting.of("token", null, TextTypes.token());
    static final Section SECTION = Section.of(PORT, BIND, TOKEN);

    private ConsoleSection() {
    }

    /**
     * Reads the section's values and checks that they agree, and that the console's port is not the name
     * server's.
     *
     * @param table          the table, or {@code null} when the file has none
     * @param nameServerPort the port of the name server the supervisor runs, 0 for none
     * @param nameServer     the name server's values, to blame its port when the console's is not written
     * @param problems       where problems go
     * @return the resolved values, valid or not
     */
    static Values read(TomlNode.Table table, int nameServerPort, Values nameServer, Problems problems) {
        Values own = table == null ? Values.none() : Values.read(table, SECTION, problems);
        Values values = Values.resolve(SECTION, own, Values.none());
        Located<String> bind = values.get(BIND);
        if (bind.usable() && !AddressTypes.isLoopback(bind.value()) && !own.has(TOKEN)) {
            problems.invalid(bind.node(), "reaches beyond this host, so the console needs a token; "
                    + "set console.token, or bind 127.0.0.1");
        }
        Located<Integer> port = values.get(PORT);
        if (port.usable() && nameServerPort != 0 && port.value() == nameServerPort) {
            if (port.source() == Source.OWN) {
                problems.invalid(port.node(), "is the name server's port too (nameserver.port); choose another");
            } else {
                problems.invalid(nameServer.get(NameServerSection.PORT).node(),
                        "is the console's port too (console.port, the default); choose another");
            }
        }
        return values;
    }

    /**
     * The model of valid values.
     *
     * @param values values that {@link #read} returned, all valid
     * @return the settings
     */
    static ConsoleSettings settings(Values values) {
        return new ConsoleSettings(values.value(BIND), values.value(PORT), Optional.ofNullable(values.value(TOKEN)));
    }
}
