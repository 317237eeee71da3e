package dev.orrery.bench;

/** A client of one system's echo server that can put load on it. */
interface EchoClient extends AutoCloseable {

    /**
     * Starts keeping {@code concurrency} calls in flight until the load is stopped.
     *
     * @param concurrency the calls in flight at once
     * @param recorder    where each call's latency or failure goes
     * @return the running load
     */
    Load start(int concurrency, LatencyRecorder recorder);

    /** Closes the connection; loads must be stopped first. */
    @Override
    void close();
}
