package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ring alone: records of random sizes through a small ring, across the wrap, on two threads. */
class RingTest {

    private static final int CAPACITY = 1024;

    @Property(tries = 200)
    void shouldDeliverEveryRecordIntactAndInOrder(
            @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 248) Integer> sizes) throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment region = arena.allocate(Ring.bytes(CAPACITY), 64);
            Ring producer = new Ring(region, CAPACITY);
            Ring consumer = new Ring(region, CAPACITY);
            assertThat(producer.maxBody()).isGreaterThanOrEqualTo(248);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < sizes.size(); i++) {
                    int size = sizes.get(i);
                    int index;
                    while ((index = producer.tryClaim(size)) < 0) {
                        Thread.onSpinWait();
                    }
                    ByteBuffer body = producer.body(index, size);
                    for (int b = 0; b < size; b++) {
                        body.put((byte) (i + b));
                    }
                    producer.commit(size);
                }
            });
            List<byte[]> received = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.size() < sizes.size() && System.nanoTime() < deadline) {
                consumer.read(record(received), 64);
            }
            writing.get(10, TimeUnit.SECONDS);
            assertThat(received).hasSameSizeAs(sizes);
            for (int i = 0; i < sizes.size(); i++) {
                byte[] body = received.get(i);
                assertThat(body).as("record %d", i).hasSize(sizes.get(i));
                for (int b = 0; b < body.length; b++) {
                    assertThat(body[b]).as("record %d byte %d", i, b).isEqualTo((byte) (i + b));
                }
            }
        }
    }

    @Test
    @Timeout(10)
    void shouldMakeTheProducerWaitWhenFullNotOverwrite() throws ProtocolException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment region = arena.allocate(Ring.bytes(CAPACITY), 64);
            Ring producer = new Ring(region, CAPACITY);
            Ring consumer = new Ring(region, CAPACITY);
            int written = 0;
            int index;
            while ((index = producer.tryClaim(100)) >= 0) {
                producer.body(index, 100).put(0, (byte) written);
                producer.commit(100);
                written++;
            }
            // 104 bytes per record: 9 fit in 1,024, and the 10th is refused rather than written over the 1st.
            assertThat(written).isEqualTo(9);
            List<byte[]> received = new ArrayList<>();
            assertThat(consumer.read(record(received), 1)).isEqualTo(1);
            assertThat(producer.tryClaim(100)).isGreaterThanOrEqualTo(0);
            producer.commit(100);
            consumer.read(record(received), 100);
            assertThat(received).hasSize(10);
            for (int i = 0; i < 9; i++) {
                assertThat(received.get(i)[0]).isEqualTo((byte) i);
            }
        }
    }

    @Test
    @Timeout(10)
    void shouldRejectACorruptMarker() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment region = arena.allocate(Ring.bytes(CAPACITY), 64);
            Ring producer = new Ring(region, CAPACITY);
            producer.tryClaim(8);
            producer.commit(CAPACITY * 4);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> new Ring(region, CAPACITY).read(record(new ArrayList<>()), 1))
                    .isInstanceOf(ProtocolException.class).hasMessageContaining("corrupt");
        }
    }

    static Ring.RecordHandler record(List<byte[]> received) {
        return new Ring.RecordHandler() {
            @Override
            public boolean onRecord(ByteBuffer body) {
                byte[] copy = new byte[body.remaining()];
                body.get(copy);
                received.add(copy);
                return true;
            }

            @Override
            public void onCloseRecord() {
                received.add(null);
            }
        };
    }
}
