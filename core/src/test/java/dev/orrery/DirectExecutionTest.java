package dev.orrery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Handlers and callbacks that run on the transport's thread, when a service or a node asks for it. */
@Timeout(30)
class DirectExecutionTest {

    /** Says which thread runs its handler. */
    @Service("test.where")
    interface Where {
        String thread();
    }

    /** The same service, called asynchronously. */
    @Service("test.where")
    interface WhereAsync {
        CompletableFuture<String> thread();
    }

    /** The in-JVM transport delivers on threads {@code orrery-inproc-NODE-N}; handlers run on {@code orrery-NODE-N}. */
    private static final Where IMPLEMENTATION = () -> Thread.currentThread().getName();

    @Test
    void shouldRunADirectServicesHandlersOnTheTransportsThread() {
        try (Node server = Node.builder().name("server").listen("inproc://direct-" + UUID.randomUUID()).build();
                Node client = Node.builder().name("client").build()) {
            server.serve(Where.class, IMPLEMENTATION, ServiceOptions.direct()).start();

            String thread = client.connect(Where.class, server.endpoints().getFirst()).thread();

            assertThat(thread).startsWith("orrery-inproc-server");
        }
    }

    @Test
    void shouldRunHandlersOnVirtualThreadsByDefault() {
        try (Node server = Node.builder().name("server").listen("inproc://default-" + UUID.randomUUID()).build();
                Node client = Node.builder().name("client").build()) {
            server.serve(Where.class, IMPLEMENTATION).start();

            Where where = client.connect(Where.class, server.endpoints().getFirst());

            assertThat(where.thread()).startsWith("orrery-server-");
        }
    }

    @Test
    void shouldCompleteAsyncResultsOnTheTransportsThreadWithADirectCallbackExecutor() throws Exception {
        try (Node server = Node.builder().name("server").listen("inproc://callback-" + UUID.randomUUID()).build();
                Node client = Node.create(NodeOptions.builder().name("client").callbackExecutor(Runnable::run)
                        .build())) {
            server.serve(Where.class, IMPLEMENTATION).start();
            WhereAsync where = client.connect(WhereAsync.class, server.endpoints().getFirst());

            CompletableFuture<String> completedOn = where.thread()
                    .thenApply(ignored -> Thread.currentThread().getName());

            assertThat(completedOn.get(10, TimeUnit.SECONDS)).as("completed on the transport's own thread")
                    .startsWith("orrery-inproc-client");
        }
    }
}
