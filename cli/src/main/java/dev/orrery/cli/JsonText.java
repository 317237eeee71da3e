package dev.orrery.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.OrreryException;
import dev.orrery.Status;

/** JSON typed on the command line and printed back: read strictly, with errors that say where the text goes wrong. */
final class JsonText {

    private JsonText() {
    }

    /**
     * Reads one JSON value.
     *
     * @param text    what the user typed
     * @param what    what it is, for the error, such as {@code the message}
     * @param example a valid value to show when the text is empty, such as <code>'{"n":1}'</code>
     * @return the value
     * @throws OrreryException with {@link Status#INVALID_ARGUMENT} when the text is empty or not JSON, saying why
     */
    static JsonNode parse(String text, String what, String example) {
        JsonNode parsed;
        try {
            parsed = ServiceDescription.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new OrreryException(Status.INVALID_ARGUMENT, what + " is not valid JSON: " + e.getOriginalMessage()
                    + where(e.getLocation()), e);
        }
        if (parsed == null || parsed.isMissingNode()) {
            throw new OrreryException(Status.INVALID_ARGUMENT, what + " is empty; it must be a JSON value, such as "
                    + example);
        }
        return parsed;
    }

    /**
     * Writes a value as JSON on one line.
     *
     * @param value the value
     * @return its JSON text
     * @throws OrreryException with {@link Status#INTERNAL} when it cannot be written
     */
    static String write(JsonNode value) {
        try {
            return ServiceDescription.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new OrreryException(Status.INTERNAL, "cannot write a value as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Where in the text a parse error is.
     *
     * @param location the parser's location, or {@code null}
     * @return such as {@code " (at character 5)"}, or an empty string when the location is unknown
     */
    static String where(JsonLocation location) {
        return location == null || location.getColumnNr() < 1 ? "" : " (at character " + location.getColumnNr() + ")";
    }
}
