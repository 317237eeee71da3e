package dev.orrery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code void} service method as fire-and-forget: the caller returns once the call is written and
 * no reply is sent. A one-way call still takes a slot of the connection's window until the receiver's
 * handler has finished with it, so a fast sender cannot flood a slow receiver.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OneWay {
}
