package dev.orrery.nameserver;

import dev.orrery.OrreryException;
import dev.orrery.Sink;
import dev.orrery.registry.RegistryEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the events of a watch, and how its stream ended. */
final class RecordingSink implements Sink<RegistryEvent> {
    final List<RegistryEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean completed;
    volatile OrreryException failure;

    @Override
    public void next(RegistryEvent value) {
        events.add(value);
    }

    @Override
    public void completed() {
        completed = true;
    }

    @Override
    public void failed(OrreryException e) {
        failure = e;
    }

    List<RegistryEvent.Kind> kinds() {
        return events.stream().map(RegistryEvent::kind).toList();
    }

    List<String> ids() {
        return events.stream().map(e -> e.instance() == null ? null : e.instance().id()).toList();
    }
}
