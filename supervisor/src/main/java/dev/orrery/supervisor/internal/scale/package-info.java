/**
 * The autoscaler: not API. {@link dev.orrery.supervisor.internal.scale.Autoscaler} turns one {@link
 * dev.orrery.supervisor.internal.scale.Load} sample of a service group after another into at most one {@link
 * dev.orrery.supervisor.internal.scale.Scaling} each: add a worker, remove one, or replace one over its memory
 * cap. It reads no clock and starts nothing; the caller samples, passes the sample's instant, and acts.
 */
package dev.orrery.supervisor.internal.scale;
