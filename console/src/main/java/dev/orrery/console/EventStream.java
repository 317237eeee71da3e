package dev.orrery.console;

import java.util.function.Function;

/**
 * A reply that stays open and carries server-sent events: the handler says which feed fills it, and the
 * {@link EventHub} runs that feed until the peer goes away or the console closes.
 *
 * @param feed makes the feed of an opened stream; it may send the first events at once
 */
record EventStream(Function<SseStream, Feed> feed) implements Reply {
}
