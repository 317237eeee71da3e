package dev.orrery.console;

import dev.orrery.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages and the files they load, read once from the class path when the console starts: plain HTML, CSS and
 * JavaScript modules, with no build step. Pages are sent with a content security policy that allows only the
 * console's own scripts and styles, and forbids framing, so that no other site can press the console's buttons.
 */
final class StaticFiles {

    private static final String ROOT = "/dev/orrery/console/www/";

    /** Every file under {@link #ROOT}: a class path cannot be listed, so the list is kept here. */
    private static final List<String> FILES = List.of("index.html", "service.html", "nameserver.html", "logs.html",
            "static/console.css", "static/console.js", "static/chart.js", "static/overview.js",
            "static/service.js", "static/nameserver.js", "static/logs.js", "static/favicon.svg");

    private static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                    + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-cache");

    private final Map<String, Response> files;

    private StaticFiles(Map<String, Response> files) {
        this.files = files;
    }

    /**
     * Reads every file.
     *
     * @return the files
     * @throws IllegalStateException when one is missing from the class path, which is a packaging bug
     */
    static StaticFiles load() {
        Map<String, Response> files = new HashMap<>();
        for (String name : FILES) {
            try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    throw new IllegalStateException("the console's file " + ROOT + name + " is not on the class path");
                }
                files.put(name, new Response(200, contentType(name), in.readAllBytes(), PAGE_HEADERS));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the console's file " + ROOT + name, e);
            }
        }
        return new StaticFiles(Map.copyOf(files));
    }

    /**
     * Adds the routes of the pages and of {@code /static/}.
     *
     * @param router the router
     */
    void addTo(Router router) {
        router.add("GET", "/", (request, path) -> file("index.html"))
                .add("GET", "/services/{name}", (request, path) -> file("service.html"))
                .add("GET", "/nameserver", (request, path) -> file("nameserver.html"))
                .add("GET", "/logs", (request, path) -> file("logs.html"))
                .add("GET", "/favicon.ico", (request, path) -> file("static/favicon.svg"))
                .add("GET", "/static/{file}", (request, path) -> file("static/" + path.get("file")));
    }

    private Response file(String name) {
        Response file = files.get(name);
        if (file == null) {
            return Response.error(Status.NOT_FOUND, "no file /" + name);
        }
        return file;
    }

    private static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            default -> "application/octet-stream";
        };
    }
}
