package dev.orrery.console;

import dev.orrery.Status;
import java.util.concurrent.Semaphore;

/**
 * What every request goes through: the access check, a bound on the requests handled at once, then the router.
 */
final class Dispatcher {

    /**
     * What to send back.
     *
     * @param reply     the reply
     * @param setCookie a {@code Set-Cookie} value to add, or {@code null}
     */
    record Answer(Reply reply, String setCookie) {
    }

    private final AccessCheck access;
    private final Router router;
    private final Semaphore slots;
    private final int maxConcurrentCalls;

    Dispatcher(AccessCheck access, Router router, int maxConcurrentCalls) {
        this.access = access;
        this.router = router;
        this.slots = new Semaphore(maxConcurrentCalls);
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    /**
     * Answers a request; may block, so it runs on a virtual thread.
     *
     * @param request the request
     * @return the answer
     */
    Answer dispatch(Request request) {
        AccessCheck.Verdict verdict = access.check(request);
        if (verdict.answer() != null) {
            return new Answer(verdict.answer(), verdict.setCookie());
        }
        if (!slots.tryAcquire()) {
            return new Answer(Response.error(Status.RESOURCE_EXHAUSTED, "the console is answering "
                    + maxConcurrentCalls + " requests already; try again shortly"), null);
        }
        try {
            return new Answer(router.route(request), verdict.setCookie());
        } finally {
            slots.release();
        }
    }
}
