package dev.orrery.metrics;

import java.util.Objects;

/**
 * What one node's share of a service can take and how busy it is: the figures an autoscaler needs. Over an
 * interval, {@code (busyNanos now - busyNanos before) / (interval * concurrencyLimit)} is the share of the
 * service's capacity its handlers used.
 *
 * @param service          the service's name
 * @param concurrencyLimit handlers of the service that may run at once on the node; summed when nodes are added
 * @param inFlight         calls of all its methods received and not yet completed
 * @param busyNanos        handler time of all its methods since it was exported, in nanoseconds
 */
public record ServiceMetrics(String service, int concurrencyLimit, long inFlight, long busyNanos) {

    /**
     * Checks the name.
     *
     * @param service          the service's name
     * @param concurrencyLimit handlers at once
     * @param inFlight         calls in flight
     * @param busyNanos        handler time in nanoseconds
     */
    public ServiceMetrics {
        Objects.requireNonNull(service, "service");
    }

    /**
     * The same service on another node, added to this one: capacity, calls in flight and handler time summed.
     *
     * @param other figures of the same service
     * @return the sum
     * @throws IllegalArgumentException when {@code other} is of another service
     */
    public ServiceMetrics plus(ServiceMetrics other) {
        if (!service.equals(other.service)) {
            throw new IllegalArgumentException("cannot add " + other.service + " to " + service
                    + ": figures add up per service");
        }
        return new ServiceMetrics(service, concurrencyLimit + other.concurrencyLimit, inFlight + other.inFlight,
                busyNanos + other.busyNanos);
    }
}
