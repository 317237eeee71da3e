package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    @Property(tries = 50)
    void shouldCarrySeededRecordsAndSpillRecordsBetweenThreads(@ForAll long seed,
            @ForAll @IntRange(min = 9, max = 12) int capacityBits) throws Exception {
        int capacity = 1 << capacityBits;
        try (Arena arena = Arena.ofShared()) {
            MemorySegment region = arena.allocate(Ring.bytes(capacity), 64);
            Ring producer = new Ring(region, capacity);
            Ring consumer = new Ring(region, capacity);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                RingTraffic traffic = new RingTraffic(seed, producer.maxBody());
                for (int i = 0; i < 2_000; i++) {
                    traffic.writeNext(producer);
                }
                RingTraffic.writeClose(producer);
            });
            RingTraffic expected = new RingTraffic(seed, consumer.maxBody());
            assertThat(expected.checkUntilClosed(consumer, Duration.ofSeconds(10))).as("close record seen").isTrue();
            writing.get(10, TimeUnit.SECONDS);
            assertThat(expected.count()).isEqualTo(2_000);
        }
    }

    @Test
    @Timeout(10)
    void shouldCarryASpillRecordWithItsNameAndLength() throws ProtocolException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment region = arena.allocate(Ring.bytes(CAPACITY), 64);
            Ring producer = new Ring(region, CAPACITY);
            byte[] name = "orrery-x-1-2-c-3.spill".getBytes(StandardCharsets.US_ASCII);
            assertThat(producer.tryClaim(Ring.spillBody(name.length))).isGreaterThanOrEqualTo(0);
            producer.commitSpill(5L << 20, name);
            assertThat(producer.position()).as("marker, name length, file length, name, padding").isEqualTo(40);
            long[] length = {0};
            byte[] received = new byte[name.length];
            Ring consumer = new Ring(region, CAPACITY);
            int read = consumer.read(new Ring.RecordHandler() {
                @Override
                public boolean onRecord(ByteBuffer body) {
                    throw new AssertionError("a data record where a spill record was written");
                }

                @Override
                public boolean onSpillRecord(long fileLength, ByteBuffer fileName) {
                    length[0] = fileLength;
                    fileName.get(received);
                    return true;
                }

                @Override
                public void onCloseRecord() {
                    throw new AssertionError("a close record where a spill record was written");
                }
            }, 10);
            assertThat(read).isEqualTo(1);
            assertThat(length[0]).isEqualTo(5L << 20);
            assertThat(received).isEqualTo(name);
            assertThat(producer.consumed()).isEqualTo(40);
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
                producer.body(index, 100).put((byte) written);
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
        assertCorrupt(CAPACITY * 4, "record marker " + CAPACITY * 4 + " at index 0");
        assertCorrupt(-7, "record marker -7 at index 0");
        assertCorrupt(Ring.SPILL, "spill name length 0 at index 0");
    }

    private static void assertCorrupt(int marker, String what) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment region = arena.allocate(Ring.bytes(CAPACITY), 64);
            Ring producer = new Ring(region, CAPACITY);
            producer.tryClaim(8);
            producer.commit(marker);
            assertThatThrownBy(() -> new Ring(region, CAPACITY).read(record(new ArrayList<>()), 1))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessage("corrupt shared-memory ring: " + what + " of " + CAPACITY);
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
            public boolean onSpillRecord(long fileLength, ByteBuffer name) {
                throw new AssertionError("no spill record was written, yet one of " + fileLength + " bytes came");
            }

            @Override
            public void onCloseRecord() {
                received.add(null);
            }
        };
    }
}
