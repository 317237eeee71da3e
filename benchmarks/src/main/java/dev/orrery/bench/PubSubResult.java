package dev.orrery.bench;

import org.HdrHistogram.Histogram;

/**
 * The measurement of one system by {@code bench pubsub}.
 *
 * @param system          such as {@code orrery} or {@code aeron}
 * @param transport       such as {@code shm}, {@code tcp} or {@code ipc}
 * @param payload         bytes per message
 * @param subscribers     subscriber processes
 * @param mode            {@code async} or {@code sync}: how the publisher ran
 * @param msgsPerSec      messages a second delivered to all subscribers together, publishing as fast as they
 *                        take them: each message counts once for each subscriber
 * @param publishedPerSec messages a second published over the same interval
 * @param pacedPerSec     messages a second published while the latencies were measured
 * @param p50Us           median latency from publish to handler, in microseconds, at the paced rate
 * @param p99Us           99th percentile, in microseconds
 * @param p999Us          99.9th percentile, in microseconds
 * @param errors          publishes that failed and messages of the wrong size, over both measurements
 * @param missing         messages lost on the way, seen as gaps in the numbering, over both measurements
 * @param firstError      the first failure, or {@code null}
 * @param cpuPercent      the CPU time of the publisher and the subscribers together while the rate was measured,
 *                        as a percentage of one core, or NaN when the operating system does not tell
 * @param slots           the window each of Orrery's subscriptions granted, or 0 for a peer
 * @param idle            how Orrery's subscribers' shared-memory readers waited, or {@code null} elsewhere
 */
record PubSubResult(String system, String transport, int payload, int subscribers, String mode, double msgsPerSec,
                    double publishedPerSec, double pacedPerSec, double p50Us, double p99Us, double p999Us,
                    long errors, long missing, String firstError, double cpuPercent, int slots,
                    String idle) {

    /**
     * Summarises the two measurements of a run.
     *
     * @param scenario   what was measured
     * @param flood      the rate's interval
     * @param paced      the latencies' interval
     * @param cpuPercent the CPU time over the rate's interval
     * @return the result
     */
    static PubSubResult of(PubSubScenario scenario, PubSubChildren.Cut flood, PubSubChildren.Cut paced,
                           double cpuPercent) {
        Histogram latencies = paced.latencies();
        return new PubSubResult(scenario.system().label(), scenario.transport(), scenario.payload(),
                scenario.subscribers(), scenario.publisherMode(), flood.deliveredPerSecond(),
                flood.published().perSecond(), paced.published().perSecond(), RpcResult.micros(latencies, 50.0),
                RpcResult.micros(latencies, 99.0), RpcResult.micros(latencies, 99.9),
                flood.errors() + paced.errors(), flood.missing() + paced.missing(),
                flood.firstError() != null ? flood.firstError() : paced.firstError(), cpuPercent,
                scenario.system() == BenchSystem.ORRERY ? dev.orrery.pubsub.SubscribeOptions.window(scenario.slots(),
                        scenario.mode().equals("sync") ? dev.orrery.pubsub.Delivery.SYNC
                                : dev.orrery.pubsub.Delivery.ASYNC) : 0,
                scenario.idleApplies() ? scenario.idle() : null);
    }

    /**
     * Whether messages were lost, publishes failed, or nothing was delivered.
     *
     * @return true when the run is not to be trusted
     */
    boolean failed() {
        return errors > 0 || missing > 0 || msgsPerSec <= 0;
    }
}
