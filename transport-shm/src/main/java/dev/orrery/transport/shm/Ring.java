package dev.orrery.transport.shm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.net.ProtocolException;
import java.nio.ByteBuffer;

/**
 * A single-producer, single-consumer ring of records in shared memory, possibly shared by two processes.
 *
 * <p>Layout of the region: a 192-byte header, then the data area of {@code capacity} bytes (a power of two).
 * The header holds the producer position (offset 0), the consumer position (offset 64) and the consumer's
 * "sleeping" flag (offset 128), each on its own 64-byte cache line so that the two sides do not invalidate
 * each other's line on every write. Positions are byte counts that only grow; a position modulo the capacity
 * is an index into the data area, so a full ring and an empty ring are never confused.
 *
 * <p>A record is a native-order {@code int} followed by its body, padded to 8 bytes. The int is the body's
 * length (0 or more), {@link #PADDING} (the rest of the data area is unused: the record that follows did not
 * fit before the end, so it starts again at index 0), {@link #CLOSE} (the producer will write no more), or
 * {@link #SPILL} (a frame too large for the ring waits in a file: a native-order {@code int} name length
 * {@code n} at offset 4, a native-order {@code long} file length at offset 8, and the file's name, {@code n}
 * ASCII bytes, at offset 16). A record never wraps, so a consumer sees every body as one contiguous slice.
 *
 * <p>Ordering: the producer writes a record with plain stores, then publishes it with a release store of
 * its position; the consumer loads that position with acquire, so it sees the record's bytes. The consumer
 * returns space the same way, with a release store of its position that the producer loads with acquire.
 *
 * <p>Threads: an instance keeps local copies of the positions; one thread (or one lock holder) at a time
 * uses its producer methods, one thread its consumer methods. Two processes each make their own instance
 * over the same memory.
 */
final class Ring {

    /** Bytes of the header before the data area. */
    static final int HEADER_BYTES = 192;
    /** The marker that skips to the end of the data area. */
    static final int PADDING = -1;
    /** The marker of the producer's last record. */
    static final int CLOSE = -2;
    /** The marker of a record that names a spill file holding a whole frame. */
    static final int SPILL = -3;
    /** The longest name of a spill file, as on most file systems. */
    static final int MAX_SPILL_NAME = 255;

    private static final int PRODUCER_POSITION = 0;
    private static final int CONSUMER_POSITION = 64;
    private static final int SLEEPING = 128;
    private static final int RECORD_HEADER = Integer.BYTES;
    /** Marker, name length, file length: where a spill record's name starts. */
    private static final int SPILL_HEADER = 16;
    private static final int ALIGNMENT = 8;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private final MemorySegment header;
    private final MemorySegment data;
    private final ByteBuffer dataView;
    /** The producer's view of the data area, moved over each record it writes: no buffer made per record. */
    private final ByteBuffer writeView;
    /** The consumer's view of the data area, moved over each record it reads. */
    private final ByteBuffer readView;
    private final int capacity;
    private final int mask;
    private final int maxBody;

    /** Producer side: the next free position, published or not, and the last consumer position seen. */
    private long tail;
    private long consumerSeen;
    private int claimedIndex;
    private int claimedBytes;

    /** Consumer side: the next position to read. */
    private long head;

    /**
     * @param region a region of {@link #bytes(int)} bytes, zeroed when new, 8-byte aligned
     * @param capacity the size of its data area, a power of two
     */
    Ring(MemorySegment region, int capacity) {
        if (Integer.bitCount(capacity) != 1 || capacity < 4 * ALIGNMENT) {
            throw new IllegalArgumentException("ring capacity must be a power of two of 32 or more, got " + capacity);
        }
        if (region.byteSize() != bytes(capacity)) {
            throw new IllegalArgumentException("ring region is " + region.byteSize() + " bytes, expected "
                    + bytes(capacity));
        }
        this.header = region.asSlice(0, HEADER_BYTES);
        this.data = region.asSlice(HEADER_BYTES, capacity);
        this.dataView = data.asByteBuffer();
        this.writeView = dataView.duplicate();
        this.readView = dataView.duplicate();
        this.capacity = capacity;
        this.mask = capacity - 1;
        // A quarter of the ring, so that a record plus the padding before it always fits in an empty ring.
        this.maxBody = capacity / 4 - ALIGNMENT;
        this.tail = (long) LONG.getAcquire(header, (long) PRODUCER_POSITION);
        this.consumerSeen = (long) LONG.getAcquire(header, (long) CONSUMER_POSITION);
        this.head = consumerSeen;
    }

    /**
     * The size of a region for a ring.
     *
     * @param capacity the data area's size
     * @return header plus data area
     */
    static long bytes(int capacity) {
        return HEADER_BYTES + (long) capacity;
    }

    /** @return the largest body of one record; larger frames travel in several */
    int maxBody() {
        return maxBody;
    }

    /** @return the size of the data area */
    int capacity() {
        return capacity;
    }

    // ---- producer side ----

    /**
     * Reserves space for a record whose body is {@code length} bytes, writing a padding marker first when
     * the record would not fit before the end. Nothing is visible to the consumer until {@link #commit}.
     *
     * @param length the body's length, at most {@link #maxBody()}
     * @return the index in the data area where the body goes, or -1 when the ring is too full now
     */
    int tryClaim(int length) {
        int recordBytes = align(RECORD_HEADER + Math.max(0, length));
        int index = (int) (tail & mask);
        int toEnd = capacity - index;
        int padding = recordBytes > toEnd ? toEnd : 0;
        long end = tail + padding + recordBytes;
        if (end - consumerSeen > capacity) {
            consumerSeen = (long) LONG.getAcquire(header, (long) CONSUMER_POSITION);
            if (end - consumerSeen > capacity) {
                return -1;
            }
        }
        if (padding > 0) {
            // Published together with the record, by the release store in commit.
            data.set(ValueLayout.JAVA_INT, index, PADDING);
            tail += padding;
            index = 0;
        }
        claimedIndex = index;
        claimedBytes = recordBytes;
        return index + RECORD_HEADER;
    }

    /**
     * The claimed body bytes, for the producer to write into: a view of the data area from the body's start
     * (its position, which is not 0) to its end (its limit), valid until the next call.
     *
     * @param bodyIndex what {@link #tryClaim} returned
     * @param length    the body's length
     * @return a big-endian buffer with exactly that many bytes remaining
     */
    ByteBuffer body(int bodyIndex, int length) {
        return writeView.limit(bodyIndex + length).position(bodyIndex);
    }

    /**
     * Publishes the claimed record.
     *
     * @param marker the body's length, or {@link #CLOSE}
     */
    void commit(int marker) {
        data.set(ValueLayout.JAVA_INT, claimedIndex, marker);
        tail += claimedBytes;
        LONG.setRelease(header, (long) PRODUCER_POSITION, tail);
    }

    /**
     * The body length to claim for a spill record, whose body (after its marker) is the name's length, the
     * file's length and the name.
     *
     * @param nameLength the file name's length in bytes, 1 to {@link #MAX_SPILL_NAME}
     * @return what to pass to {@link #tryClaim}
     */
    static int spillBody(int nameLength) {
        return SPILL_HEADER - RECORD_HEADER + nameLength;
    }

    /**
     * Publishes the claimed record as a spill record.
     *
     * @param fileLength the spill file's length: the frame with its length prefix
     * @param name       the spill file's name, as many bytes as claimed with {@link #spillBody}
     */
    void commitSpill(long fileLength, byte[] name) {
        data.set(ValueLayout.JAVA_INT, claimedIndex + RECORD_HEADER, name.length);
        data.set(ValueLayout.JAVA_LONG, claimedIndex + 2L * RECORD_HEADER, fileLength);
        MemorySegment.copy(name, 0, data, ValueLayout.JAVA_BYTE, claimedIndex + SPILL_HEADER, name.length);
        commit(SPILL);
    }

    /** @return the producer's position after its last commit: where the next record starts */
    long position() {
        return tail;
    }

    /** @return how far the consumer has read and released, as it last published */
    long consumed() {
        return (long) LONG.getAcquire(header, (long) CONSUMER_POSITION);
    }

    /**
     * After a commit: whether the consumer has gone to sleep and must be woken. Returns true once per sleep.
     *
     * @return true when the caller must ring the doorbell
     */
    boolean consumerNeedsWaking() {
        // Dekker: the position store above and this flag load must not be reordered, or a consumer that
        // checks the position just before we publish and sleeps just after we look would never be woken.
        VarHandle.fullFence();
        return (int) INT.getVolatile(header, (long) SLEEPING) == 1
                && INT.compareAndSet(header, (long) SLEEPING, 1, 0);
    }

    // ---- consumer side ----

    /**
     * Reads up to {@code limit} records, returning the space of each to the producer once handled.
     *
     * @param handler receives each record
     * @param limit   how many records at most
     * @return how many records were read
     * @throws ProtocolException when the ring holds something no producer of this class writes
     */
    int read(RecordHandler handler, int limit) throws ProtocolException {
        long available = (long) LONG.getAcquire(header, (long) PRODUCER_POSITION);
        int count = 0;
        boolean more = true;
        while (head < available && count < limit && more) {
            int index = (int) (head & mask);
            int marker = data.get(ValueLayout.JAVA_INT, index);
            if (marker == PADDING) {
                head += capacity - index;
                LONG.setRelease(header, (long) CONSUMER_POSITION, head);
                continue;
            }
            int recordBytes;
            switch (marker) {
                case CLOSE -> {
                    recordBytes = ALIGNMENT;
                    handler.onCloseRecord();
                    more = false;
                }
                case SPILL -> {
                    int nameLength = data.get(ValueLayout.JAVA_INT, index + RECORD_HEADER);
                    // Checked before the file length is read: the whole header must lie before the end.
                    if (nameLength < 1 || nameLength > MAX_SPILL_NAME
                            || nameLength > capacity - index - SPILL_HEADER) {
                        throw corrupt("spill name length " + nameLength, index);
                    }
                    recordBytes = align(SPILL_HEADER + nameLength);
                    more = handler.onSpillRecord(data.get(ValueLayout.JAVA_LONG, index + 2L * RECORD_HEADER),
                            dataView.slice(index + SPILL_HEADER, nameLength));
                }
                default -> {
                    if (marker < 0 || marker > capacity - index - RECORD_HEADER) {
                        throw corrupt("record marker " + marker, index);
                    }
                    recordBytes = align(RECORD_HEADER + marker);
                    int body = index + RECORD_HEADER;
                    more = handler.onRecord(readView.limit(body + marker).position(body));
                }
            }
            // Released only now: the handler was given a view of these bytes, not a copy.
            head += recordBytes;
            LONG.setRelease(header, (long) CONSUMER_POSITION, head);
            count++;
        }
        return count;
    }

    private ProtocolException corrupt(String what, int index) {
        return new ProtocolException("corrupt shared-memory ring: " + what + " at index " + index + " of "
                + capacity);
    }

    /**
     * Any thread, without the consumer's lock: a cheap look before taking it. The consumer's position may be
     * read stale here, but it only grows and never passes the producer's, so the answer is never "no" while a
     * record waits; a "yes" that finds nothing costs a look under the lock.
     *
     * @return false only when no record waits
     */
    boolean mayHaveRecords() {
        return (long) LONG.getAcquire(header, (long) PRODUCER_POSITION) != head;
    }

    /** @return whether a record is waiting, with a volatile load for the sleeping protocol */
    boolean hasRecords() {
        return (long) LONG.getVolatile(header, (long) PRODUCER_POSITION) != head;
    }

    /**
     * Tells producers whether this consumer is about to block and needs a doorbell.
     *
     * @param sleeping the flag
     */
    void sleeping(boolean sleeping) {
        INT.setVolatile(header, (long) SLEEPING, sleeping ? 1 : 0);
    }

    /**
     * The sleeping flag as memory, for a consumer that sleeps on it with a futex and a producer that wakes it.
     *
     * @return the 4-byte flag
     */
    MemorySegment sleepingWord() {
        return header.asSlice(SLEEPING, Integer.BYTES);
    }

    private static int align(int bytes) {
        return (bytes + ALIGNMENT - 1) & -ALIGNMENT;
    }

    /** Receives the records of {@link #read}. */
    interface RecordHandler {

        /**
         * One record.
         *
         * @param body a view of its bytes from its position (not 0: the record's place in the ring) to its
         *             limit, valid only during the call, which may move its position
         * @return false to stop reading
         */
        boolean onRecord(ByteBuffer body);

        /**
         * A frame that waits in a spill file.
         *
         * @param fileLength the file's length, as the producer wrote it: the frame with its length prefix
         * @param name       a view of the file's name, valid only during the call
         * @return false to stop reading
         */
        boolean onSpillRecord(long fileLength, ByteBuffer name);

        /** The producer's last record. */
        void onCloseRecord();
    }
}
