package dev.orrery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Java interface as an Orrery service: its abstract methods are remote methods.
 *
 * <p>A method that returns a value is a synchronous call; one that returns
 * {@link java.util.concurrent.CompletableFuture} is asynchronous; a {@code void} method annotated
 * {@link OneWay} is fire-and-forget. Method names must be unique within a service (the wire addresses
 * methods by name).
 *
 * <pre>{@code
 * @Service("demo.echo")
 * public interface Echo {
 *     String echo(String text);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Service {
    /**
     * The service name, dotted, such as {@code demo.echo}: letters, digits, {@code _} and {@code -} in
     * segments separated by dots, at most 128 characters, starting with a letter.
     *
     * @return the name
     */
    String value();
}
