package dev.orrery.cli;

import dev.orrery.SharedMemory;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --shared-memory auto|always|never} option of every command that opens a node: the command line wins,
 * then the environment variable {@value #ENVIRONMENT}, then {@code auto} (see {@link SharedMemory}).
 */
final class SharedMemoryOption {

    /** The environment variable that sets the default of {@code --shared-memory}. */
    static final String ENVIRONMENT = "ORRERY_SHARED_MEMORY";

    /** The option's name. */
    static final String OPTION = "--shared-memory";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private SharedMemory mode = SharedMemory.AUTO;

    /**
     * Sets the mode; picocli calls it with the default too, through {@link #defaultValue}.
     *
     * @param text {@code auto}, {@code always} or {@code never}
     */
    @Option(names = OPTION, paramLabel = "auto|always|never",
            description = "peers on this host over shared memory: auto (when they run here under this user), always "
                    + "or never; the environment variable " + ENVIRONMENT + " sets the default (default: "
                    + "${DEFAULT-VALUE})")
    void mode(String text) {
        try {
            mode = text == null || text.isBlank() ? SharedMemory.AUTO : SharedMemory.of(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "Invalid value for option '" + OPTION + "' (or "
                    + ENVIRONMENT + "): " + e.getMessage(), e, null, text);
        }
    }

    /**
     * Gives {@code --shared-memory} its default in every command that has it.
     *
     * @param argument an option or parameter of some command
     * @return the environment's mode or {@code auto}, or {@code null} to leave any other argument's default alone
     */
    static String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || !option.longestName().equals(OPTION)) {
            return null;
        }
        String fromEnvironment = System.getenv(ENVIRONMENT);
        return fromEnvironment == null || fromEnvironment.isBlank() ? SharedMemory.AUTO.toString()
                : fromEnvironment.strip();
    }

    /** @return the mode */
    SharedMemory mode() {
        return mode;
    }
}
