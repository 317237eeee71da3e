/** Test fixtures as main code: child JVMs for multi-process tests. */
package dev.orrery.testkit;
