package dev.orrery.examples;

import dev.orrery.CallContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/** The implementation of {@link Calculator}. */
public final class CalculatorService implements Calculator {
    private static final int MAX_BOUND = 100_000_000;

    private final LongAdder count = new LongAdder();
    private final LongAdder total = new LongAdder();

    @Override
    public int countPrimes(int below) {
        if (below < 0 || below > MAX_BOUND) {
            throw new IllegalArgumentException("below must be from 0 to " + MAX_BOUND + ", got " + below);
        }
        int primes = 0;
        for (int n = 2; n < below; n++) {
            if ((n & 0xFFFF) == 0 && CallContext.isPresent() && CallContext.current().isCancelled()) {
                throw new IllegalStateException("cancelled by the caller after reaching " + n);
            }
            if (isPrime(n)) {
                primes++;
            }
        }
        return primes;
    }

    private static boolean isPrime(int n) {
        if (n % 2 == 0) {
            return n == 2;
        }
        for (int d = 3; (long) d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public CompletableFuture<Integer> countPrimesAsync(int below) {
        return CompletableFuture.completedFuture(countPrimes(below));
    }

    @Override
    public long sleep(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("millis must not be negative, got " + millis);
        }
        long start = System.nanoTime();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sleep interrupted after "
                    + (System.nanoTime() - start) / 1_000_000 + " ms: the call was cancelled", e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public long sum(List<Long> numbers) {
        long sum = 0;
        for (Long n : numbers) {
            sum += n;
        }
        return sum;
    }

    @Override
    public void record(long value) {
        count.increment();
        total.add(value);
    }

    @Override
    public Stats recorded() {
        return new Stats(count.sum(), total.sum());
    }
}
