/**
 * The TCP transport on Netty: {@link dev.orrery.transport.tcp.TcpTransportProvider} is the only public type,
 * found through {@link java.util.ServiceLoader}; the rest is package-private.
 */
package dev.orrery.transport.tcp;
