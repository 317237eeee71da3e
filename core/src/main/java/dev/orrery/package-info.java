/**
 * Orrery's public API: {@link dev.orrery.Node}, service annotations ({@link dev.orrery.Service},
 * {@link dev.orrery.OneWay}, {@link dev.orrery.Idempotent}, {@link dev.orrery.Deadline},
 * {@link dev.orrery.WireCodec}), per-call settings ({@link dev.orrery.Calls}) and the one error type,
 * {@link dev.orrery.OrreryException} with its {@link dev.orrery.Status}.
 */
package dev.orrery;
