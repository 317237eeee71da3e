package dev.orrery.bench;

import java.util.Arrays;
import java.util.List;

/** What {@code orrery bench locate} measures: each scenario is a row of results, named by its label. */
enum LocateScenario {
    /**
     * The baseline: calls through proxies connected to the instances' endpoints, taking turns as a round-robin
     * balancer does, so that only the choice of the instance differs from {@link #LOCATE_CALL}.
     */
    CALL("orrery-call", EchoCall.PAYLOAD),
    /** Calls through one located proxy, made once: each call picks an instance from the proxy's watched cache. */
    LOCATE_CALL("orrery-locate+call", EchoCall.PAYLOAD),
    /** Locating without a cache: a name-server lookup, then a call to one of the instances it returned. */
    LOCATE_COLD_CALL("orrery-locate-cold+call", EchoCall.PAYLOAD),
    /** Lookups alone, {@code locate("demo.echo", {})}: the name server's own rate; no echo payload. */
    LOOKUP("nameserver-lookup", 0);

    private final String label;
    private final int payload;

    LocateScenario(String label, int payload) {
        this.label = label;
        this.payload = payload;
    }

    /**
     * The name in reports and in the JSON {@code system} field.
     *
     * @return such as {@code orrery-locate+call}
     */
    String label() {
        return label;
    }

    /**
     * The echo payload of each call.
     *
     * @return bytes per request; 0 for lookups, which send only the service name
     */
    int payload() {
        return payload;
    }

    /**
     * The scenarios that call the echo service, in the order they run at each concurrency.
     *
     * @return the call scenarios
     */
    static List<LocateScenario> calls() {
        return Arrays.stream(values()).filter(scenario -> scenario != LOOKUP).toList();
    }
}
