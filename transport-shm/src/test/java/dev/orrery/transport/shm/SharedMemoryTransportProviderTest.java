package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orrery.transport.FrameFormat;
import dev.orrery.transport.Transport;
import dev.orrery.transport.TransportConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The system properties of the transport: each invalid value fails {@code create} and says what is valid. */
@Timeout(10)
class SharedMemoryTransportProviderTest {

    private static final TransportConfig CONFIG =
            new TransportConfig("props", FrameFormat.DEFAULT_MAX_FRAME_SIZE, Duration.ofSeconds(5), 0);

    @AfterEach
    void clearProperties() {
        System.clearProperty(SharedMemoryTransportProvider.SPILL_BYTES_PROPERTY);
        System.clearProperty(SharedMemoryTransportProvider.RING_BYTES_PROPERTY);
    }

    @Test
    void shouldRefuseASpillThresholdThatIsNotANumberOfBytesInRange() {
        for (String invalid : new String[] {"1MiB", "4095", "0", "-1", "2147483648"}) {
            System.setProperty(SharedMemoryTransportProvider.SPILL_BYTES_PROPERTY, invalid);
            assertThatThrownBy(() -> new SharedMemoryTransportProvider().create(CONFIG))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("orrery.shm.spillBytes must be a number of bytes from 4096 to 2147483647, got '"
                            + invalid + "'");
        }
    }

    @Test
    void shouldAcceptASpillThresholdInRange() {
        for (String valid : new String[] {"4096", " 65536 ", "2147483647", ""}) {
            System.setProperty(SharedMemoryTransportProvider.SPILL_BYTES_PROPERTY, valid);
            try (Transport transport = new SharedMemoryTransportProvider().create(CONFIG)) {
                assertThat(transport.scheme()).isEqualTo("shm");
            }
        }
    }

    @Test
    void shouldRefuseARingSizeThatIsNotAPowerOfTwoInRange() {
        for (String invalid : new String[] {"lots", "100000", "32768", "2147483647"}) {
            System.setProperty(SharedMemoryTransportProvider.RING_BYTES_PROPERTY, invalid);
            assertThatThrownBy(() -> new SharedMemoryTransportProvider().create(CONFIG))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("orrery.shm.ringBytes must be a power of two from 65536 to 1073741824, got '"
                            + invalid + "'");
        }
    }
}
