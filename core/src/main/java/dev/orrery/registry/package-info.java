/**
 * The name server's interface and its values: how instances register and how callers find them.
 */
package dev.orrery.registry;
