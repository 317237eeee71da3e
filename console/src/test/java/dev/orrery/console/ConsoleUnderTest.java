package dev.orrery.console;

import dev.orrery.supervisor.ConsoleSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;

/** A test fixture: a console on a free loopback port, showing a scripted supervisor, and a client for it. */
final class ConsoleUnderTest implements AutoCloseable {

    /** Loopback, any free port, no token. */
    static final ConsoleSettings LOCAL = new ConsoleSettings("127.0.0.1", 0, Optional.empty());

    /** Live pages tick faster than in production, so tests wait less. */
    static final ConsoleLimits LIMITS = ConsoleLimits.DEFAULTS.withTick(Duration.ofMillis(200));

    final ScriptedSupervisor supervisor;
    final PrometheusMeterRegistry registry;
    final Console console;
    final Http http;

    private ConsoleUnderTest(ScriptedSupervisor supervisor, PrometheusMeterRegistry registry, Console console) {
        this.supervisor = supervisor;
        this.registry = registry;
        this.console = console;
        this.http = new Http(console.uri());
    }

    static ConsoleUnderTest start(LiveServices services) {
        return start(services.supervisor(), LOCAL, LIMITS);
    }

    static ConsoleUnderTest start(ScriptedSupervisor supervisor, ConsoleSettings settings, ConsoleLimits limits) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new ConsoleUnderTest(supervisor, registry, Console.start(supervisor, settings, registry, limits));
    }

    @Override
    public void close() {
        console.close();
        registry.close();
    }
}
