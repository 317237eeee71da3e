/**
 * Publish/subscribe: topic names and the patterns subscriptions match them with.
 */
package dev.orrery.pubsub;
