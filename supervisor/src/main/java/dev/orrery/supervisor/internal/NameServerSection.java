package dev.orrery.supervisor.internal;

import dev.orrery.Endpoint;
import dev.orrery.supervisor.NameServerSettings;
import dev.orrery.supervisor.internal.toml.TomlNode;

/** {@code [nameserver]}: the name server that the supervisor runs, or the one elsewhere that it uses. */
final class NameServerSection {
    /** The name server's usual port. */
    static final int DEFAULT_PORT = 2012;

    static final Setting<Integer> PORT = Setting.of("port", DEFAULT_PORT, ScalarTypes.integer(0, 65535));
    static final Setting<String> BIND = Setting.of("bind", "127.0.0.1", AddressTypes.bindAddress());
    static final Setting<Endpoint> CONNECT = Setting.of("connect", null, AddressTypes.nameServerEndpoint());
    static final Section SECTION = Section.of(PORT, BIND, CONNECT);

    private NameServerSection() {
    }

    /**
     * Reads the section's values and checks that they agree.
     *
     * @param table    the table, or {@code null} when the file has none
     * @param problems where problems go
     * @return the resolved values, valid or not
     */
    static Values read(TomlNode.Table table, Problems problems) {
        Values own = table == null ? Values.none() : Values.read(table, SECTION, problems);
        if (own.has(CONNECT)) {
            for (Setting<?> local : new Setting<?>[] {PORT, BIND}) {
                if (own.has(local)) {
                    problems.invalid(own.get(local).node(), "does not go with connect, which uses a name server "
                            + "that runs elsewhere; remove " + local.key() + ", or remove connect to run one here");
                }
            }
        }
        return Values.resolve(SECTION, own, Values.none());
    }

    /**
     * The model of valid values.
     *
     * @param values values that {@link #read} returned, all valid
     * @return the settings
     */
    static NameServerSettings settings(Values values) {
        Endpoint connect = values.value(CONNECT);
        return connect != null
                ? new NameServerSettings.Remote(connect)
                : new NameServerSettings.Embedded(values.value(BIND), values.value(PORT));
    }

    /** The port of a name server the supervisor runs, or 0 when it runs none or lets the system choose. */
    static int embeddedPort(Values values) {
        Located<Integer> port = values.get(PORT);
        return values.value(CONNECT) == null && port.usable() ? port.value() : 0;
    }
}
