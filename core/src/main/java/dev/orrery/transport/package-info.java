/**
 * The transport SPI: how frames move between two peers. Orrery's TCP and shared-memory transports
 * implement it, found through {@link java.util.ServiceLoader} by {@link dev.orrery.transport.TransportProvider}.
 */
package dev.orrery.transport;
