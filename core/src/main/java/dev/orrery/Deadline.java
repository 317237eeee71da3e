package dev.orrery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets the default deadline of calls to a service (on the interface) or to one method. It overrides the
 * node's default and is itself overridden by {@link Calls#withDeadline} around a call. A deadline never
 * extends the deadline of the call being served when the call is made from inside a handler.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Deadline {
    /**
     * The deadline in milliseconds after the call starts.
     *
     * @return milliseconds, greater than zero
     */
    long millis();
}
