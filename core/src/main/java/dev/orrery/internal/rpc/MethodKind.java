package dev.orrery.internal.rpc;

/** How a remote method answers. */
public enum MethodKind {
    /** Returns a value (or nothing) to a waiting caller. */
    SYNC,
    /** Returns a {@link java.util.concurrent.CompletableFuture}. */
    ASYNC,
    /** {@code void}, annotated {@link dev.orrery.OneWay}: no reply. */
    ONE_WAY,
    /** Takes a {@link dev.orrery.Sink} last and returns a {@link dev.orrery.Subscription}: values flow until closed. */
    STREAM;

    /**
     * The name used in descriptions.
     *
     * @return {@code sync}, {@code async} or {@code oneway}
     */
    public String label() {
        return switch (this) {
            case SYNC -> "sync";
            case ASYNC -> "async";
            case ONE_WAY -> "oneway";
            case STREAM -> "stream";
        };
    }
}
