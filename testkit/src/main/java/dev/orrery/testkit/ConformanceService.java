package dev.orrery.testkit;

import dev.orrery.OneWay;
import dev.orrery.Service;
import java.util.List;

/** What the transport conformance suite calls: echoes, ordered one-way calls, and a slow call. */
@Service("conformance.probe")
public interface ConformanceService {

    /**
     * @param bytes any bytes
     * @return the same bytes
     */
    byte[] echo(byte[] bytes);

    /**
     * Records a number; one-way, so the order of arrival is the transport's.
     *
     * @param number the number
     */
    @OneWay
    void append(int number);

    /** @return the numbers recorded, in the order they arrived */
    List<Integer> appended();

    /**
     * Sleeps, then answers.
     *
     * @param millis how long
     * @return {@code millis}
     */
    long sleep(long millis);

    /** @return how many {@link #sleep} calls are running now: how a test knows a call is in flight */
    int sleeping();

    /** The implementation the suite serves. */
    final class Implementation implements ConformanceService {
        private final List<Integer> appended = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger sleeping = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public byte[] echo(byte[] bytes) {
            return bytes;
        }

        @Override
        public void append(int number) {
            appended.add(number);
        }

        @Override
        public List<Integer> appended() {
            return List.copyOf(appended);
        }

        @Override
        public long sleep(long millis) {
            sleeping.incrementAndGet();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                sleeping.decrementAndGet();
            }
            return millis;
        }

        @Override
        public int sleeping() {
            return sleeping.get();
        }
    }
}
