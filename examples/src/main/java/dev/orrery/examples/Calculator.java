package dev.orrery.examples;

import dev.orrery.OneWay;
import dev.orrery.Service;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** CPU-bound and slow methods, to show concurrency limits, deadlines and cancellation. */
@Service("demo.calc")
public interface Calculator {

    /**
     * Counts the primes below a bound, by trial division: CPU-bound on purpose.
     *
     * @param below the exclusive upper bound, at most 100,000,000
     * @return how many primes are smaller
     */
    int countPrimes(int below);

    /**
     * The same count, answered asynchronously.
     *
     * @param below the exclusive upper bound
     * @return the count, later
     */
    CompletableFuture<Integer> countPrimesAsync(int below);

    /**
     * Sleeps, then says how long it slept. A call with a shorter deadline fails with
     * {@code DEADLINE_EXCEEDED} and the sleep is interrupted on the server.
     *
     * @param millis how long to sleep
     * @return the milliseconds slept
     */
    long sleep(long millis);

    /**
     * Adds numbers.
     *
     * @param numbers the numbers
     * @return their sum
     */
    long sum(List<Long> numbers);

    /**
     * Records a number without answering: a one-way call.
     *
     * @param value the number to record
     */
    @OneWay
    void record(long value);

    /**
     * The numbers recorded so far.
     *
     * @return their count and total
     */
    Stats recorded();

    /**
     * A count and a total.
     *
     * @param count how many
     * @param total their sum
     */
    record Stats(long count, long total) {
    }
}
