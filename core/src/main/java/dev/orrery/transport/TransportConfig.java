package dev.orrery.transport;

import java.time.Duration;

/**
 * What a transport needs to know of the node that uses it.
 *
 * @param name           a short name for threads and logs
 * @param maxFrameSize   the largest frame, length prefix excluded, that a connection accepts; a larger
 *                       one closes that connection
 * @param connectTimeout how long {@link Transport#connect} may take
 * @param ioThreads      how many I/O threads the transport may start; 0 lets it choose
 */
public record TransportConfig(String name, int maxFrameSize, Duration connectTimeout, int ioThreads) {

    /**
     * Validates the settings.
     *
     * @param name           a short name for threads and logs
     * @param maxFrameSize   the largest frame accepted
     * @param connectTimeout how long a connect may take
     * @param ioThreads      how many I/O threads, 0 to choose
     */
    public TransportConfig {
        if (maxFrameSize < FrameFormat.MIN_FRAME_SIZE) {
            throw new IllegalArgumentException("maxFrameSize must be at least " + FrameFormat.MIN_FRAME_SIZE
                    + " bytes, got " + maxFrameSize);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be 0 (choose) or more, got " + ioThreads);
        }
    }
}
