/**
 * How the supervisor's config file is read and checked: not API. {@link
 * dev.orrery.supervisor.internal.ConfigReader} turns a file into the model of {@code dev.orrery.supervisor},
 * or into a list of problems.
 */
package dev.orrery.supervisor.internal;
