/**
 * The shared-memory transport, {@code shm://NAME}: frames through single-producer single-consumer rings in a
 * memory-mapped file, the largest through files of their own, set up and watched over a Unix domain socket. Only
 * {@link dev.orrery.transport.shm.SharedMemoryTransportProvider} is public; users reach the transport through
 * endpoints, never through these classes.
 */
package dev.orrery.transport.shm;
