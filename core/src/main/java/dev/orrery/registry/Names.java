package dev.orrery.registry;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.util.regex.Pattern;

/**
 * The rule for service names, the same for {@link dev.orrery.Service @Service} and for the name server:
 * dotted segments of letters, digits, {@code _} and {@code -}, starting with a letter, at most
 * {@value #MAX_SERVICE_NAME} characters, such as {@code demo.echo}.
 */
public final class Names {

    /** The longest service name. */
    public static final int MAX_SERVICE_NAME = 128;

    /** The rule in words, for messages that tell the user what is allowed. */
    public static final String SERVICE_NAME_RULE = "a service name is dotted segments of letters, digits, '_' and "
            + "'-', starting with a letter, at most " + MAX_SERVICE_NAME + " characters, such as demo.echo";

    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");

    private Names() {
    }

    /**
     * Whether a text is a valid service name.
     *
     * @param name the text, may be {@code null}
     * @return true when it follows the rule
     */
    public static boolean isServiceName(String name) {
        return name != null && name.length() <= MAX_SERVICE_NAME && SERVICE_NAME.matcher(name).matches();
    }

    /**
     * Checks a service name.
     *
     * @param name the text
     * @return the name
     * @throws OrreryException with {@link Status#INVALID_ARGUMENT} when it does not follow the rule, saying it
     */
    public static String checkServiceName(String name) {
        if (!isServiceName(name)) {
            String shown = name == null ? "null" : "'" + abbreviate(name) + "'";
            throw new OrreryException(Status.INVALID_ARGUMENT,
                    "service name " + shown + " is not valid: " + SERVICE_NAME_RULE);
        }
        return name;
    }

    /** Long input is cut in messages, so that a message stays readable. */
    static String abbreviate(String text) {
        return text.length() <= 2 * MAX_SERVICE_NAME ? text : text.substring(0, 2 * MAX_SERVICE_NAME) + "...";
    }
}
