package dev.orrery.nameserver;

import static dev.orrery.nameserver.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Node;
import dev.orrery.registry.Instance;
import dev.orrery.registry.NameServer;
import dev.orrery.registry.Registration;
import dev.orrery.testkit.JvmProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The name server as a process of its own, as multi-process tests run it. */
class NameServerMainTest {

    @Test
    @Timeout(60)
    void shouldAnnounceItsEndpointServeAndStopOnSigterm() throws Exception {
        try (JvmProcess process = JvmProcess.start(NameServerMain.class, "tcp://127.0.0.1:0");
             Node client = Node.builder().name("client").build()) {
            String endpoint = process.awaitValue(NameServerMain.READY, Duration.ofSeconds(30));
            NameServer nameServer = client.connect(NameServer.class, endpoint);

            Registration registration = nameServer.register(spec("demo.echo", "tcp://10.0.0.5:7070"));

            assertThat(nameServer.locate("demo.echo", Map.of())).extracting(Instance::id)
                    .as(process.transcript()).containsExactly(registration.instanceId());
            process.stop(Duration.ofSeconds(20));
            assertThat(process.isAlive()).isFalse();
        }
    }
}
