package dev.orrery.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.DynamicClient;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code orrery call}: asks the service for its description, checks the method name and the JSON arguments
 * against it, makes the call and prints the JSON result.
 */
@Command(name = "call",
        description = {
            "Calls a method of a service with JSON arguments and prints the JSON result on stdout.",
            "The name server finds an instance of the service unless --endpoint names one.",
            "Failures print STATUS: message on stderr and exit non-zero.",
            "Examples: orrery call demo.echo echo '[\"hi\"]'",
            "          orrery call --endpoint tcp://127.0.0.1:7070 demo.echo echo '[\"hi\"]'"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.LIST_OK,
            ExitCodes.LIST_OTHER,
            ExitCodes.LIST_USAGE,
            ExitCodes.LIST_NOT_FOUND,
            ExitCodes.LIST_UNAVAILABLE,
            ExitCodes.LIST_DEADLINE
        })
final class CallCommand extends ServiceCommand {

    @Parameters(index = "1", paramLabel = "METHOD", description = "the method, such as echo")
    String method;

    @Parameters(index = "2", arity = "0..1", paramLabel = "JSON-ARGS", defaultValue = "[]",
            description = "a JSON array with one element per parameter, such as '[\"hi\"]' (default: [])")
    String arguments;

    /** The method being called, once the description is known; for hints. */
    private MethodDescription called;

    @Override
    int run(DynamicClient client, PrintWriter out) {
        called = null;
        ServiceDescription description = ServiceDescription.parse(client.describe(service));
        called = description.method(method)
                .orElseThrow(() -> new OrreryException(Status.NOT_FOUND, description.noSuchMethod(method)));
        checkArguments(called);
        String result = client.call(service, method, arguments);
        if (!called.returnsNothing()) {
            out.println(result == null ? "null" : result);
        }
        return ExitCodes.OK;
    }

    private void checkArguments(MethodDescription target) {
        JsonNode parsed;
        try {
            parsed = ServiceDescription.JSON.readTree(arguments);
        } catch (JsonProcessingException e) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "the arguments are not valid JSON: "
                    + e.getOriginalMessage() + JsonText.where(e.getLocation()), e);
        }
        if (parsed == null || parsed.isMissingNode()) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "the arguments are empty; they must be a JSON array");
        }
        if (!parsed.isArray()) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "the arguments must be a JSON array with one element"
                    + " per parameter, got " + parsed.getNodeType().name().toLowerCase(Locale.ROOT)
                    + " " + parsed);
        }
        if (parsed.size() != target.params().size()) {
            throw new OrreryException(Status.INVALID_ARGUMENT, target.takes() + "; got " + parsed.size());
        }
    }

    /**
     * Before the description is known, nothing has been called. After, the call may have reached the instance
     * before it went away, so only an idempotent method may run again on another one.
     */
    @Override
    boolean mayTryAnotherInstance(OrreryException failure) {
        return called == null || called.idempotent();
    }

    @Override
    String hint(OrreryException failure) {
        if (failure.status() == Status.INVALID_ARGUMENT && called != null && !ErrorReport.fromHandler(failure)) {
            String takes = failure.description().startsWith(called.takes()) ? "" : called.takes() + "; ";
            String example = "call " + (endpoint != null ? "--endpoint " + endpoint + " " : "") + service + " "
                    + method + " '" + called.exampleArguments() + "'";
            return takes + "for example: " + (endpoint != null ? "bin/orrery " + example
                    : NameServerOption.sample(nameServer.endpoint(), example));
        }
        return super.hint(failure);
    }
}
