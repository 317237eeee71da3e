package dev.orrery.console;

/** What a handler answers: a whole response, or a stream of server-sent events. */
sealed interface Reply permits Response, EventStream {
}
