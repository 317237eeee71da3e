package dev.orrery.supervisor;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.io.Serial;
import java.util.List;

/**
 * A config file that cannot be used, with every problem found in it, in the order of the file.
 *
 * <p>Its status is {@link Status#INVALID_ARGUMENT}; its description lists the problems one per line, each as
 * {@link ConfigProblem#toString()} prints it.
 */
public final class ConfigException extends OrreryException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Not serialized: Orrery never uses Java serialization, and a path is not serializable. */
    private final transient List<ConfigProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems at least one problem
     * @param cause    the exception behind the problems, or {@code null}
     */
    public ConfigException(List<ConfigProblem> problems, Throwable cause) {
        super(Status.INVALID_ARGUMENT, summary(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem, in the order of the file; problems of no line come first.
     *
     * @return the problems, never empty unless this exception was deserialized
     */
    public List<ConfigProblem> problems() {
        return problems == null ? List.of() : problems;
    }

    private static String summary(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.getFirst().toString();
        }
        StringBuilder text = new StringBuilder()
                .append(problems.getFirst().file()).append(" has ").append(problems.size()).append(" problems:");
        problems.forEach(problem -> text.append(System.lineSeparator()).append(problem));
        return text.toString();
    }
}
