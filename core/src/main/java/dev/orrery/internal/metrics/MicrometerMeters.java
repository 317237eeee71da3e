package dev.orrery.internal.metrics;

import dev.orrery.metrics.CallMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Micrometer meters of one service: functions over its recorders, read when the registry publishes, so that
 * nothing is added to the call path. Names are those of {@link CallMetrics}.
 */
final class MicrometerMeters {
    /** The quantiles published, with their tag values. */
    private static final double[] QUANTILES = {0.5, 0.99, 0.999};
    private static final String[] QUANTILE_TAGS = {"0.5", "0.99", "0.999"};

    private MicrometerMeters() {
    }

    /**
     * Registers a service's meters.
     *
     * @param registry the registry
     * @param service  the service's recorders
     * @return the meters, to remove when the node closes
     */
    static List<Meter> register(MeterRegistry registry, ServiceRecorder service) {
        List<Meter> meters = new ArrayList<>();
        meters.add(Gauge.builder(CallMetrics.CONCURRENCY_LIMIT, service, ServiceRecorder::concurrencyLimit)
                .tag("service", service.service())
                .description("handlers of the service that may run at once")
                .register(registry));
        for (MethodRecorder method : service.methods()) {
            Tags tags = Tags.of("service", method.service(), "method", method.method());
            meters.add(FunctionCounter.builder(CallMetrics.CALLS, method, m -> m.totals().calls()).tags(tags)
                    .description("calls completed: answered, refused, or given up by their caller")
                    .register(registry));
            meters.add(FunctionCounter.builder(CallMetrics.ERRORS, method, m -> m.totals().errors()).tags(tags)
                    .description("calls that failed").register(registry));
            meters.add(Gauge.builder(CallMetrics.IN_FLIGHT, method, m -> m.totals().inFlight()).tags(tags)
                    .description("calls received and not yet completed").register(registry));
            meters.add(FunctionCounter.builder(CallMetrics.BYTES_IN, method, m -> m.totals().bytesIn()).tags(tags)
                    .baseUnit(BaseUnits.BYTES).description("encoded arguments received").register(registry));
            meters.add(FunctionCounter.builder(CallMetrics.BYTES_OUT, method, m -> m.totals().bytesOut()).tags(tags)
                    .baseUnit(BaseUnits.BYTES).description("encoded results sent").register(registry));
            meters.add(FunctionTimer.builder(CallMetrics.BUSY, method, m -> m.totals().calls(),
                            m -> m.totals().busyNanos(), TimeUnit.NANOSECONDS).tags(tags)
                    .description("handler time: how long handlers held the service's concurrency permits")
                    .register(registry));
            for (int i = 0; i < QUANTILES.length; i++) {
                double quantile = QUANTILES[i];
                meters.add(TimeGauge.builder(CallMetrics.LATENCY, method, TimeUnit.NANOSECONDS,
                                m -> m.latencyAt(quantile)).tags(tags).tag("quantile", QUANTILE_TAGS[i])
                        .description("latency from receipt to answer, over the last 40 to 60 s")
                        .register(registry));
            }
        }
        return meters;
    }
}
