package dev.orrery.pubsub;

/**
 * A test value.
 *
 * @param symbol  what it quotes
 * @param n       its number
 */
public record Quote(String symbol, long n) {
}
