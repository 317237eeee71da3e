package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite with the socket doorbell on this side, as in a JVM without native access; a server in
 * a child JVM, which offers futexes, then agrees on the socket too.
 */
class SocketDoorbellConformanceTest extends SharedMemoryConformanceTest {

    @BeforeAll
    static void useTheSocket() {
        System.setProperty(SharedMemoryTransportProvider.DOORBELL_PROPERTY, "socket");
    }

    @AfterAll
    static void useTheDefault() {
        System.clearProperty(SharedMemoryTransportProvider.DOORBELL_PROPERTY);
    }

    @Test
    void shouldRunWithFutexesAvailableToTheOtherTests() {
        assertThat(Futex.available()).as("this module's tests run with native access, so futexes are tested")
                .isTrue();
    }
}
