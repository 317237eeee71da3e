/**
 * The supervisor: it starts the name server, the console and the configured service groups as worker
 * processes. This package holds its config file, {@code orrery.toml}, as read by {@link
 * dev.orrery.supervisor.SupervisorConfig#load(java.nio.file.Path)}: an immutable model with every default
 * applied, or a {@link dev.orrery.supervisor.ConfigException} listing every problem of the file.
 */
package dev.orrery.supervisor;
