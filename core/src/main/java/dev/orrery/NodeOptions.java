package dev.orrery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Every setting of a {@link Node}, validated when built. Defaults are listed on each builder method and in
 * {@code docs/configuration.md}.
 *
 * @param name                 the node's name, in logs and in the handshake's identity
 * @param listen               endpoints to listen on; empty for a node that only calls
 * @param defaultDeadline      the deadline of a call that sets none
 * @param slotWindow           calls in flight per client connection before callers wait for a slot
 * @param maxQueuedCalls       callers allowed to wait for a slot per connection before new ones are refused
 * @param maxConcurrentCallsPerConnection calls a server runs at once for one connection
 * @param concurrencyLimit     handlers of one service that run at once, unless the service sets its own
 * @param maxFrameSize         largest frame accepted or sent, length prefix excluded
 * @param keepAliveInterval    how long a connection may be silent before it is pinged
 * @param keepAliveTimeout     how long a connection may be silent before the peer is declared dead
 * @param handshakeTimeout     how long a peer has to complete the handshake
 * @param connectTimeout       how long a TCP connect may take
 * @param reconnectBackoffMin  the first wait after a failed connect
 * @param reconnectBackoffMax  the longest wait between connect attempts
 * @param shutdownGrace        how long {@link Node#close()} waits for calls in flight
 * @param handlerExecutor      where handlers run; {@code null} for a virtual thread per call
 * @param ioThreads            I/O threads per transport, 0 to let the transport choose
 * @param nameserver           the name server this node registers with and locates through, or {@code null}
 * @param leaseTtl             the lease of each registered instance; it is renewed every third of it
 * @param metadata             tags added to every instance this node registers
 * @param sharedMemory         whether peers on this host are called, and this node is served, over shared memory
 * @param callbackExecutor     where the results of async calls are decoded and their futures completed;
 *                             {@code null} for a virtual thread per result
 * @param metrics              whether the calls this node serves are counted and timed, per service and method
 *                             ({@link Node#metrics()})
 */
public record NodeOptions(String name, List<Endpoint> listen, Duration defaultDeadline, int slotWindow,
                          int maxQueuedCalls, int maxConcurrentCallsPerConnection, int concurrencyLimit,
                          int maxFrameSize, Duration keepAliveInterval, Duration keepAliveTimeout,
                          Duration handshakeTimeout, Duration connectTimeout, Duration reconnectBackoffMin,
                          Duration reconnectBackoffMax, Duration shutdownGrace, Executor handlerExecutor,
                          int ioThreads, Endpoint nameserver, Duration leaseTtl, Map<String, String> metadata,
                          SharedMemory sharedMemory, Executor callbackExecutor, boolean metrics) {

    /**
     * Validates the settings.
     *
     * @param name                 the node's name
     * @param listen               endpoints to listen on
     * @param defaultDeadline      the default deadline
     * @param slotWindow           calls in flight per client connection
     * @param maxQueuedCalls       callers waiting for a slot per connection
     * @param maxConcurrentCallsPerConnection calls run at once per server connection
     * @param concurrencyLimit     default handlers at once per service
     * @param maxFrameSize         largest frame
     * @param keepAliveInterval    silence before a ping
     * @param keepAliveTimeout     silence before the peer is dead
     * @param handshakeTimeout     time to complete the handshake
     * @param connectTimeout       time to connect
     * @param reconnectBackoffMin  first wait after a failed connect
     * @param reconnectBackoffMax  longest wait between attempts
     * @param shutdownGrace        wait for calls in flight on close
     * @param handlerExecutor      where handlers run, or {@code null}
     * @param ioThreads            I/O threads per transport
     * @param nameserver           the name server, or {@code null}
     * @param leaseTtl             the lease of registered instances
     * @param metadata             tags of registered instances
     * @param sharedMemory         the use of shared memory with peers on this host
     * @param callbackExecutor     where async results are completed, or {@code null}
     * @param metrics              whether served calls are recorded
     */
    public NodeOptions {
        Objects.requireNonNull(name, "name");
        listen = List.copyOf(listen);
        positive("defaultDeadline", defaultDeadline);
        positive("keepAliveInterval", keepAliveInterval);
        positive("keepAliveTimeout", keepAliveTimeout);
        positive("handshakeTimeout", handshakeTimeout);
        positive("connectTimeout", connectTimeout);
        positive("reconnectBackoffMin", reconnectBackoffMin);
        positive("reconnectBackoffMax", reconnectBackoffMax);
        positive("shutdownGrace", shutdownGrace);
        range("slotWindow", slotWindow, 1, 65_535);
        range("maxQueuedCalls", maxQueuedCalls, 0, 1 << 20);
        range("maxConcurrentCallsPerConnection", maxConcurrentCallsPerConnection, 1, 1 << 20);
        range("concurrencyLimit", concurrencyLimit, 1, 1 << 20);
        range("maxFrameSize", maxFrameSize, 1024, Integer.MAX_VALUE - 8);
        range("ioThreads", ioThreads, 0, 1024);
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(sharedMemory, "sharedMemory");
        if (leaseTtl == null || leaseTtl.compareTo(Duration.ofSeconds(1)) < 0
                || leaseTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("leaseTtl must be from 1 s to 1 h, got " + leaseTtl);
        }
        if (keepAliveTimeout.compareTo(keepAliveInterval) <= 0) {
            throw new IllegalArgumentException("keepAliveTimeout (" + keepAliveTimeout
                    + ") must be longer than keepAliveInterval (" + keepAliveInterval + ")");
        }
        if (reconnectBackoffMax.compareTo(reconnectBackoffMin) < 0) {
            throw new IllegalArgumentException("reconnectBackoffMax (" + reconnectBackoffMax
                    + ") must not be shorter than reconnectBackoffMin (" + reconnectBackoffMin + ")");
        }
    }

    private static void positive(String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, got " + value);
        }
    }

    private static void range(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be from " + min + " to " + max + ", got " + value);
        }
    }

    /**
     * A builder with every default set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link NodeOptions}; every method returns the builder. */
    public static final class Builder {
        private String name = "node-" + ProcessHandle.current().pid();
        private final List<Endpoint> listen = new ArrayList<>();
        private Duration defaultDeadline = Duration.ofSeconds(5);
        private int slotWindow = 64;
        private int maxQueuedCalls = 1024;
        private int maxConcurrentCallsPerConnection = 1024;
        private int concurrencyLimit = 512;
        private int maxFrameSize = dev.orrery.transport.FrameFormat.DEFAULT_MAX_FRAME_SIZE;
        private Duration keepAliveInterval = Duration.ofSeconds(1);
        private Duration keepAliveTimeout = Duration.ofSeconds(3);
        private Duration handshakeTimeout = Duration.ofSeconds(5);
        private Duration connectTimeout = Duration.ofSeconds(3);
        private Duration reconnectBackoffMin = Duration.ofMillis(100);
        private Duration reconnectBackoffMax = Duration.ofSeconds(5);
        private Duration shutdownGrace = Duration.ofSeconds(10);
        private Executor handlerExecutor;
        private int ioThreads;
        private Endpoint nameserver;
        private Duration leaseTtl = Duration.ofSeconds(10);
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private SharedMemory sharedMemory = SharedMemory.AUTO;
        private Executor callbackExecutor;
        private boolean metrics = true;

        private Builder() {
        }

        /**
         * @param endpoint the name server to register with and locate through, such as
         *                 {@code tcp://127.0.0.1:2012}; default none
         * @return this
         */
        public Builder nameserver(String endpoint) {
            nameserver = endpoint == null ? null : Endpoint.parse(endpoint);
            return this;
        }

        /** @param value the lease of registered instances, renewed every third of it; default 10 s @return this */
        public Builder leaseTtl(Duration value) {
            leaseTtl = value;
            return this;
        }

        /**
         * @param key   a tag added to every instance this node registers, such as {@code zone}
         * @param value its value
         * @return this
         */
        public Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        /**
         * @param value whether peers on this host are called, and this node is served, over shared memory;
         *              default {@link SharedMemory#AUTO}
         * @return this
         */
        public Builder sharedMemory(SharedMemory value) {
            sharedMemory = Objects.requireNonNull(value, "sharedMemory");
            return this;
        }

        /**
         * @param value where the results of async calls are decoded and their futures completed; default a
         *              virtual thread per result. {@code Runnable::run} completes them on the transport's thread,
         *              with no hand-over, for callbacks that never block (as gRPC's {@code directExecutor})
         * @return this
         */
        public Builder callbackExecutor(Executor value) {
            callbackExecutor = value;
            return this;
        }

        /**
         * @param value whether the calls this node serves are counted and timed, per service and method, for
         *              {@link Node#metrics()}; default on. Off, the call path records nothing
         * @return this
         */
        public Builder metrics(boolean value) {
            metrics = value;
            return this;
        }

        /** @param value the node's name; default {@code node-PID} @return this */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** @param endpoint an endpoint to listen on, such as {@code tcp://127.0.0.1:0} @return this */
        public Builder listen(String endpoint) {
            return listen(Endpoint.parse(endpoint));
        }

        /** @param endpoint an endpoint to listen on @return this */
        public Builder listen(Endpoint endpoint) {
            listen.add(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /** @param value the deadline of calls that set none; default 5 s @return this */
        public Builder defaultDeadline(Duration value) {
            defaultDeadline = value;
            return this;
        }

        /** @param value calls in flight per client connection; default 64 @return this */
        public Builder slotWindow(int value) {
            slotWindow = value;
            return this;
        }

        /** @param value callers that may wait for a slot per connection; default 1024 @return this */
        public Builder maxQueuedCalls(int value) {
            maxQueuedCalls = value;
            return this;
        }

        /** @param value calls a server runs at once per connection; default 1024 @return this */
        public Builder maxConcurrentCallsPerConnection(int value) {
            maxConcurrentCallsPerConnection = value;
            return this;
        }

        /** @param value handlers of one service running at once; default 512 @return this */
        public Builder concurrencyLimit(int value) {
            concurrencyLimit = value;
            return this;
        }

        /** @param value largest frame in bytes; default 16 MiB @return this */
        public Builder maxFrameSize(int value) {
            maxFrameSize = value;
            return this;
        }

        /** @param value silence before a ping; default 1 s @return this */
        public Builder keepAliveInterval(Duration value) {
            keepAliveInterval = value;
            return this;
        }

        /** @param value silence before the peer is declared dead; default 3 s @return this */
        public Builder keepAliveTimeout(Duration value) {
            keepAliveTimeout = value;
            return this;
        }

        /** @param value time a peer has for the handshake; default 5 s @return this */
        public Builder handshakeTimeout(Duration value) {
            handshakeTimeout = value;
            return this;
        }

        /** @param value time a connect may take; default 3 s @return this */
        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        /**
         * @param min first wait after a failed connect; default 100 ms
         * @param max longest wait between attempts; default 5 s
         * @return this
         */
        public Builder reconnectBackoff(Duration min, Duration max) {
            reconnectBackoffMin = min;
            reconnectBackoffMax = max;
            return this;
        }

        /** @param value how long close waits for calls in flight; default 10 s @return this */
        public Builder shutdownGrace(Duration value) {
            shutdownGrace = value;
            return this;
        }

        /** @param value where handlers run; default a virtual thread per call @return this */
        public Builder handlerExecutor(Executor value) {
            handlerExecutor = value;
            return this;
        }

        /** @param value I/O threads per transport; default 0, the transport chooses @return this */
        public Builder ioThreads(int value) {
            ioThreads = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the options
         * @throws IllegalArgumentException naming the setting that is out of range and its valid range
         */
        public NodeOptions build() {
            return new NodeOptions(name, listen, defaultDeadline, slotWindow, maxQueuedCalls,
                    maxConcurrentCallsPerConnection, concurrencyLimit, maxFrameSize, keepAliveInterval,
                    keepAliveTimeout, handshakeTimeout, connectTimeout, reconnectBackoffMin, reconnectBackoffMax,
                    shutdownGrace, handlerExecutor, ioThreads, nameserver, leaseTtl, metadata, sharedMemory,
                    callbackExecutor, metrics);
        }
    }
}
