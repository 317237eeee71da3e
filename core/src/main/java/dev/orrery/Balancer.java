package dev.orrery;

/** How a proxy from {@link Node#locate} spreads calls over the instances of a service. */
public enum Balancer {
    /** Each instance in turn. */
    ROUND_ROBIN,
    /** The instance with the fewest calls in flight from this node; ties go round-robin. */
    LEAST_OUTSTANDING
}
