package dev.orrery.cli;

import dev.orrery.Endpoint;
import dev.orrery.nameserver.NameServerMain;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --nameserver URI} option that every command finding services by name shares: the command line
 * wins, then the environment variable {@value #ENVIRONMENT}, then {@code tcp://127.0.0.1:2012}.
 */
final class NameServerOption {

    /** The environment variable that sets the default of {@code --nameserver}. */
    static final String ENVIRONMENT = "ORRERY_NAMESERVER";

    /** The option's name. */
    static final String OPTION = "--nameserver";

    /** The name server used when neither the option nor the environment names one. */
    static final String DEFAULT = NameServerMain.DEFAULT_ENDPOINT;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Endpoint endpoint;

    /**
     * Sets the name server; picocli calls it with the default too ({@link #implicitDefault()}, through the default
     * provider that {@link Main#commandLine()} installs).
     *
     * @param text such as {@code tcp://127.0.0.1:2012}
     */
    @Option(names = OPTION, paramLabel = "URI",
            description = "the name server that finds services by name; the environment variable " + ENVIRONMENT
                    + " sets the default (default: ${DEFAULT-VALUE})")
    void nameServer(String text) {
        String chosen = text == null || text.isBlank() ? DEFAULT : text.strip();
        try {
            endpoint = Endpoint.parse(chosen);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "Invalid value for option '" + OPTION + "' (or "
                    + ENVIRONMENT + "): " + e.getMessage(), e, null, text);
        }
    }

    /**
     * Gives {@code --nameserver} its default, {@link #implicitDefault()}, in every command that has it.
     *
     * @param argument an option or parameter of some command
     * @return the default of {@code --nameserver}, or {@code null} to leave any other argument's default alone
     */
    static String defaultValue(ArgSpec argument) {
        return argument instanceof OptionSpec option && option.longestName().equals(OPTION) ? implicitDefault() : null;
    }

    /**
     * The name server to ask.
     *
     * @return its endpoint
     */
    Endpoint endpoint() {
        return endpoint != null ? endpoint : Endpoint.parse(DEFAULT);
    }

    /**
     * The name server that a command run without {@code --nameserver} would ask, in this environment.
     *
     * @return its endpoint, such as {@code tcp://127.0.0.1:2012}
     */
    static String implicitDefault() {
        String fromEnvironment = System.getenv(ENVIRONMENT);
        return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT : fromEnvironment.strip();
    }

    /**
     * A sample command that asks the same name server as this one.
     *
     * @param endpoint the name server in use
     * @param command  such as {@code ls} or {@code call demo.echo echo '["x"]'}
     * @return {@code bin/orrery COMMAND} with {@code --nameserver URI} after the subcommand's name, unless the
     *         default would ask the same name server
     */
    static String sample(Endpoint endpoint, String command) {
        if (endpoint.toString().equals(implicitDefault())) {
            return "bin/orrery " + command;
        }
        int space = command.indexOf(' ');
        String name = space < 0 ? command : command.substring(0, space);
        String rest = space < 0 ? "" : command.substring(space);
        return "bin/orrery " + name + " " + OPTION + " " + endpoint + rest;
    }

    /**
     * What to do when no name server answers: start one there.
     *
     * @param endpoint the name server that did not answer
     * @return such as {@code start one with: bin/orrery nameserver}
     */
    static String startHint(Endpoint endpoint) {
        String listen = endpoint.toString().equals(DEFAULT) ? "" : " --listen " + endpoint;
        return "start one with: bin/orrery nameserver" + listen + " (bin/orrery demo starts one too), or point"
                + " --nameserver or " + ENVIRONMENT + " at a running one";
    }
}
