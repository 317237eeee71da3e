package dev.orrery.discovery;

import dev.orrery.CallContext;

/**
 * {@link Who} answered by an instance of a given name, whose slow call waits as the test says.
 *
 * @param name     the name it answers with
 * @param slowness what {@link #slowName} does before answering, given its argument
 */
record NamedWho(String name, Wait slowness) implements Who {

    /** What a slow call waits for. */
    @FunctionalInterface
    interface Wait {
        /**
         * Waits.
         *
         * @param millis the argument of the call
         * @throws InterruptedException when interrupted
         */
        void await(long millis) throws InterruptedException;
    }

    @Override
    public String caller() {
        return CallContext.current().peer();
    }

    @Override
    public String slowName(long millis) {
        try {
            slowness.await(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return name;
    }
}
