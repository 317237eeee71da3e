package dev.orrery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the codec that clients use for a service (on the interface) or for one method. Without it, a
 * method whose only parameter is a {@code byte[]} or {@link java.nio.ByteBuffer} passes it {@link Codec#RAW};
 * every other method uses {@link Codec#MSGPACK}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface WireCodec {
    /**
     * The codec.
     *
     * @return the codec calls are encoded with
     */
    Codec value();
}
