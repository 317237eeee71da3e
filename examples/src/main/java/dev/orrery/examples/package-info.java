/** The example services that the documentation quotes and {@code orrery demo} serves. */
package dev.orrery.examples;
