/**
 * TOML documents as trees of values that know where their keys are written: not API.
 */
package dev.orrery.supervisor.internal.toml;
