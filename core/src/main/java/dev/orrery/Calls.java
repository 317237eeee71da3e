package dev.orrery;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Per-call settings, scoped to the calls made inside a block.
 *
 * <pre>{@code
 * String answer = Calls.withDeadline(Duration.ofMillis(200), () -> echo.echo("hi"));
 * }</pre>
 */
public final class Calls {

    /** The absolute deadline, in {@link System#nanoTime()} units, of calls made in the current scope. */
    private static final ScopedValue<Long> DEADLINE = ScopedValue.newInstance();

    private Calls() {
    }

    /**
     * Runs {@code body} with a deadline for every call it makes. Inside a handler, the deadline never
     * extends the deadline of the call being served.
     *
     * @param deadline how long each call made in the block may take, from the start of the block
     * @param body     the block
     * @param <T>      what the block returns
     * @return what the block returned
     * @throws Exception what the block threw
     */
    public static <T> T withDeadline(Duration deadline, Callable<T> body) throws Exception {
        return ScopedValue.where(DEADLINE, absolute(deadline)).call(body::call);
    }

    /**
     * Runs {@code body} with a deadline for every call it makes.
     *
     * @param deadline how long each call made in the block may take, from the start of the block
     * @param body     the block
     */
    public static void withDeadline(Duration deadline, Runnable body) {
        ScopedValue.where(DEADLINE, absolute(deadline)).run(body);
    }

    private static long absolute(Duration deadline) {
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("a deadline must be a positive duration, got " + deadline);
        }
        return System.nanoTime() + Math.min(deadline.toNanos(), Long.MAX_VALUE / 4);
    }

    /**
     * The absolute deadline set by {@link #withDeadline} around the current code, or none.
     *
     * @return the deadline in nanoTime units, or {@code Long.MAX_VALUE} when none is set
     */
    public static long scopedDeadline() {
        return DEADLINE.isBound() ? DEADLINE.get() : Long.MAX_VALUE;
    }
}
