package dev.orrery.transport.shm;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

/**
 * A seeded stream of ring records, the same in every process that knows the seed, so that a producer writes it
 * and a consumer elsewhere checks it record by record. Sizes are random, a quarter of them small and a quarter
 * just short of the largest body, so that padding and the wrap come often; one record in sixteen is a spill
 * record, whose name and file length are random too.
 *
 * <p>Threads: one instance per side, used by one thread.
 */
final class RingTraffic {

    private static final int LONGEST_NAME = 40;

    private final Random random;
    private final int maxBody;
    private long number;

    /**
     * @param seed    chooses the records
     * @param maxBody the ring's largest body
     */
    RingTraffic(long seed, int maxBody) {
        this.random = new Random(seed);
        this.maxBody = maxBody;
    }

    /** Producer: writes the next record, spinning while the ring is full. */
    void writeNext(Ring ring) {
        Expected next = next();
        if (next.name() != null) {
            awaitClaim(ring, Ring.spillBody(next.name().length));
            ring.commitSpill(next.fileLength(), next.name());
            return;
        }
        ByteBuffer body = ring.body(awaitClaim(ring, next.size()), next.size());
        for (int i = 0; i < next.size(); i++) {
            body.put(content(next.number(), i));
        }
        ring.commit(next.size());
    }

    /** Producer: writes the close record, spinning while the ring is full. */
    static void writeClose(Ring ring) {
        awaitClaim(ring, 0);
        ring.commit(Ring.CLOSE);
    }

    /**
     * Consumer: a handler that checks every record against the next one expected.
     *
     * @param closed run on the close record
     * @return the handler, which throws {@link AssertionError} at the first difference
     */
    Ring.RecordHandler checker(Runnable closed) {
        return new Ring.RecordHandler() {
            @Override
            public boolean onRecord(ByteBuffer body) {
                Expected expected = next();
                if (expected.name() != null) {
                    throw new AssertionError("record " + expected.number() + ": data of " + body.remaining()
                            + " bytes where a spill record of " + expected.fileLength() + " bytes was written");
                }
                if (body.remaining() != expected.size()) {
                    throw new AssertionError("record " + expected.number() + ": " + body.remaining()
                            + " bytes where " + expected.size() + " were written");
                }
                for (int i = 0; i < expected.size(); i++) {
                    if (body.get(body.position() + i) != content(expected.number(), i)) {
                        throw new AssertionError("record " + expected.number() + ": byte " + i + " differs");
                    }
                }
                return true;
            }

            @Override
            public boolean onSpillRecord(long fileLength, ByteBuffer name) {
                Expected expected = next();
                byte[] actual = new byte[name.remaining()];
                name.get(actual);
                if (!Arrays.equals(actual, expected.name()) || fileLength != expected.fileLength()) {
                    throw new AssertionError("record " + expected.number() + ": a spill record of " + fileLength
                            + " bytes named " + new String(actual, StandardCharsets.US_ASCII)
                            + " where " + expected + " was written");
                }
                return true;
            }

            @Override
            public void onCloseRecord() {
                closed.run();
            }
        };
    }

    /**
     * Consumer: checks records until the close record comes or time runs out.
     *
     * @param ring    the consumer's ring
     * @param timeout how long at most
     * @return whether the close record came
     * @throws ProtocolException when the ring holds a corrupt record
     */
    boolean checkUntilClosed(Ring ring, Duration timeout) throws ProtocolException {
        boolean[] closed = {false};
        Ring.RecordHandler check = checker(() -> closed[0] = true);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed[0] && System.nanoTime() - deadline < 0) {
            if (ring.read(check, 256) == 0) {
                Thread.onSpinWait();
            }
        }
        return closed[0];
    }

    /** @return how many records this side has written or checked */
    long count() {
        return number;
    }

    private Expected next() {
        long current = number++;
        if (random.nextInt(16) == 0) {
            byte[] name = new byte[1 + random.nextInt(LONGEST_NAME)];
            for (int i = 0; i < name.length; i++) {
                name[i] = (byte) ('a' + random.nextInt(26));
            }
            return new Expected(current, 0, name, random.nextLong() >>> 1);
        }
        int size = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(Math.min(17, maxBody + 1));
            case 1 -> maxBody - random.nextInt(Math.min(17, maxBody + 1));
            default -> random.nextInt(maxBody + 1);
        };
        return new Expected(current, size, null, 0);
    }

    private static byte content(long number, int index) {
        return (byte) (number * 31 + index * 7 + 1);
    }

    private static int awaitClaim(Ring ring, int length) {
        int index;
        while ((index = ring.tryClaim(length)) < 0) {
            Thread.onSpinWait();
        }
        return index;
    }

    /**
     * One record as written.
     *
     * @param number     its place in the stream
     * @param size       a data record's body length
     * @param name       a spill record's file name, or {@code null} for a data record
     * @param fileLength a spill record's file length
     */
    private record Expected(long number, int size, byte[] name, long fileLength) {
        @Override
        public String toString() {
            return name == null ? "data of " + size + " bytes"
                    : "a spill record of " + fileLength + " bytes named "
                            + new String(name, StandardCharsets.US_ASCII);
        }
    }
}
