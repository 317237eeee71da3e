package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.OrreryException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How publishes end, for assertions. */
final class Outcomes {

    private Outcomes() {
    }

    /** The failure a publish completes with, within ten seconds; an assertion error when it succeeds or hangs. */
    static OrreryException failure(CompletableFuture<Void> publish) throws InterruptedException {
        return failure(publish, Duration.ofSeconds(10));
    }

    static OrreryException failure(CompletableFuture<Void> publish, Duration within) throws InterruptedException {
        try {
            publish.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(OrreryException.class);
            return (OrreryException) e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the publish did not complete within " + within, e);
        }
        throw new AssertionError("the publish succeeded; expected it to fail");
    }

    /** Waits for a publish to complete, either way, within the time; an assertion error when it hangs. */
    static void settled(CompletableFuture<Void> publish, Duration within) throws InterruptedException {
        try {
            publish.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Failed: settled all the same.
        } catch (TimeoutException e) {
            throw new AssertionError("the publish did not complete within " + within, e);
        }
    }
}
