package dev.orrery.internal.metrics;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The recorders of one exported service's methods, by the methods' indexes in their service descriptor, and the
 * service's concurrency limit. Immutable.
 */
public final class ServiceRecorder {
    private final String service;
    private final int concurrencyLimit;
    private final MethodRecorder[] methods;

    /**
     * @param service          the service's name
     * @param concurrencyLimit handlers that may run at once
     * @param methodNames      its methods' names, by index
     * @param clock            the time in nanoseconds
     */
    ServiceRecorder(String service, int concurrencyLimit, List<String> methodNames, LongSupplier clock) {
        this.service = service;
        this.concurrencyLimit = concurrencyLimit;
        this.methods = new MethodRecorder[methodNames.size()];
        for (int i = 0; i < methods.length; i++) {
            methods[i] = new MethodRecorder(service, methodNames.get(i), clock);
        }
    }

    /** @return the service's name */
    public String service() {
        return service;
    }

    /** @return how many handlers may run at once */
    public int concurrencyLimit() {
        return concurrencyLimit;
    }

    /**
     * The recorder of a method.
     *
     * @param index the method's index in its service descriptor
     * @return its recorder
     */
    public MethodRecorder method(int index) {
        return methods[index];
    }

    /** @return every method's recorder, by index */
    List<MethodRecorder> methods() {
        return List.of(methods);
    }
}
