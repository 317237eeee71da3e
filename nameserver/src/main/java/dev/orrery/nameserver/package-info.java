/**
 * The name server, {@code orrery.nameserver}: {@link dev.orrery.nameserver.NameServerService} holds the
 * registered instances and their leases in memory, {@link dev.orrery.nameserver.EmbeddedNameServer} serves it
 * from a node, and {@link dev.orrery.nameserver.NameServerMain} runs one as a process.
 */
package dev.orrery.nameserver;
