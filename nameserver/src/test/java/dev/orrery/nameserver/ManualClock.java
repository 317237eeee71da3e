package dev.orrery.nameserver;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test moves it. */
final class ManualClock implements InstantSource {
    private volatile long millis = 1_700_000_000_000L;

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
        return millis;
    }

    void advance(Duration duration) {
        millis += duration.toMillis();
    }
}
