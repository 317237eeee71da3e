package dev.orrery.discovery;

import dev.orrery.Idempotent;
import dev.orrery.Service;

/** Says which instance answered. */
@Service("test.who")
public interface Who {

    /** @return the answering node's name */
    @Idempotent
    String name();

    /**
     * Sleeps, then answers; not idempotent, so never retried once sent.
     *
     * @param millis how long
     * @return the answering node's name
     */
    String slowName(long millis);

    /** @return the caller as the answering node sees it: its connection's remote address */
    @Idempotent
    String caller();
}
