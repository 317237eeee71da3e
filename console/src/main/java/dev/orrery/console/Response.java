package dev.orrery.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole HTTP response.
 *
 * @param status      the HTTP status code
 * @param contentType the body's media type
 * @param body        the body
 * @param headers     headers besides the content type and length
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) implements Reply {

    /** The media type of every JSON body. */
    static final String JSON = "application/json; charset=utf-8";

    /** Copies the headers. */
    Response {
        headers = Map.copyOf(headers);
    }

    /**
     * A JSON response.
     *
     * @param status the HTTP status code
     * @param body   the JSON value
     * @return the response
     */
    static Response json(int status, JsonNode body) {
        return new Response(status, JSON, JsonViews.bytes(body), Map.of());
    }

    /**
     * A 200 response with a JSON body.
     *
     * @param body the JSON value
     * @return the response
     */
    static Response ok(JsonNode body) {
        return json(200, body);
    }

    /**
     * A text response.
     *
     * @param status      the HTTP status code
     * @param contentType the media type, with its charset
     * @param text        the body
     * @return the response
     */
    static Response text(int status, String contentType, String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * An error with the HTTP status code that its Orrery status maps to.
     *
     * @param status  what kind of failure
     * @param message what happened and what would be valid
     * @return the response, whose body is {@code {"error": message, "status": "NAME"}}
     */
    static Response error(Status status, String message) {
        return error(StatusCodes.http(status), status, message);
    }

    /**
     * An error with its own HTTP status code.
     *
     * @param http    the HTTP status code
     * @param status  the Orrery status the body names
     * @param message what happened and what would be valid
     * @return the response
     */
    static Response error(int http, Status status, String message) {
        return json(http, JsonViews.error(status, message, null));
    }

    /**
     * The error a failed call or refused request maps to.
     *
     * @param failure the failure
     * @return the response, naming the remote exception's type when a remote handler threw it
     */
    static Response error(OrreryException failure) {
        return json(StatusCodes.http(failure.status()),
                JsonViews.error(failure.status(), failure.description(), failure.remoteType()));
    }

    /**
     * This response with one more header.
     *
     * @param name  the header
     * @param value its value
     * @return the new response
     */
    Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, more);
    }

    @Override
    public String toString() {
        return "Response[" + status + " " + contentType + ", " + body.length + " bytes]";
    }
}
