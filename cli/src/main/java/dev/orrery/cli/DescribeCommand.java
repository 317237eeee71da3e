package dev.orrery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.DynamicClient;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orrery describe}: prints a service's methods with their signatures, kinds and codecs. */
@Command(name = "describe",
        description = {
            "Prints the methods of a service: signatures, kinds (sync, async, oneway) and codecs.",
            "The name server finds an instance of the service unless --endpoint names one.",
            "Examples: orrery describe demo.kv",
            "          orrery describe --endpoint tcp://127.0.0.1:7070 demo.kv"
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
final class DescribeCommand extends ServiceCommand {

    @Option(names = "--json", description = "print the description as the service sent it, in JSON")
    boolean json;

    @Override
    int run(DynamicClient client, PrintWriter out) {
        String text = client.describe(service);
        if (json) {
            out.println(text);
        } else {
            print(ServiceDescription.parse(text), out);
        }
        return ExitCodes.OK;
    }

    private static void print(ServiceDescription description, PrintWriter out) {
        out.println(description.service() + (description.interfaceName().isEmpty() ? ""
                : "  (" + description.interfaceName() + ")"));
        int width = description.methods().stream().mapToInt(m -> m.signature().length()).max().orElse(1);
        List<MethodDescription> methods = description.methods().stream()
                .sorted(Comparator.comparing(MethodDescription::name)).toList();
        for (MethodDescription method : methods) {
            String line = String.format("  %-" + width + "s  %-6s  %-7s  %s", method.signature(), method.kind(),
                    method.codec(), method.idempotent() ? "idempotent" : "");
            out.println(line.stripTrailing());
        }
        if (description.definitions().isObject() && !description.definitions().isEmpty()) {
            out.println("types:");
            for (Map.Entry<String, JsonNode> type : description.definitions().properties()) {
                out.println("  " + SchemaText.referenceName(type.getKey()) + " "
                        + SchemaText.properties(type.getValue().path("properties")));
            }
        }
    }
}
