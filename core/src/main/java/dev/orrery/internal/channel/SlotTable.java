package dev.orrery.internal.channel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The window of slots of one client connection: at most {@code window} calls in flight, and at most
 * {@code maxWaiting} callers waiting for a slot. A call's correlation id names its slot in the low 16 bits
 * and the slot's use count above, so a reply is matched without a map and a late reply to a reused slot is
 * recognised and dropped.
 *
 * <p>Thread-safe: every method holds the table's lock, briefly.
 */
final class SlotTable {
    private static final int SLOT_BITS = 16;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;

    private final PendingCall[] inFlight;
    private final long[] uses;
    private final int[] free;
    private int freeCount;
    private final ArrayDeque<PendingCall> waiting = new ArrayDeque<>();
    /** The size of {@link #waiting}, written under the lock, read without it: rarely changes, read per reply. */
    private volatile int waitingSize;
    private final int maxWaiting;

    /** What {@link #admit} did with a call. */
    enum Admission { SEND, WAIT, REFUSE }

    SlotTable(int window, int maxWaiting) {
        this.inFlight = new PendingCall[window];
        this.uses = new long[window];
        this.free = new int[window];
        for (int i = 0; i < window; i++) {
            free[i] = window - 1 - i;
        }
        this.freeCount = window;
        this.maxWaiting = maxWaiting;
    }

    int window() {
        return inFlight.length;
    }

    synchronized Admission admit(PendingCall call) {
        if (freeCount > 0) {
            assign(call, free[--freeCount]);
            return Admission.SEND;
        }
        if (waiting.size() >= maxWaiting) {
            return Admission.REFUSE;
        }
        waiting.addLast(call);
        waitingSize = waiting.size();
        return Admission.WAIT;
    }

    private void assign(PendingCall call, int slot) {
        long use = ++uses[slot];
        call.slot = slot;
        call.id = (use << SLOT_BITS) | slot;
        inFlight[slot] = call;
    }

    /**
     * Takes the call answered by a reply off its slot.
     *
     * @param id the correlation id of the reply
     * @return the call, or {@code null} when no call in flight has that id (late or bogus)
     */
    synchronized PendingCall complete(long id) {
        int slot = (int) (id & SLOT_MASK);
        if (id <= 0 || slot >= inFlight.length) {
            return null;
        }
        PendingCall call = inFlight[slot];
        if (call == null || call.id != id) {
            return null;
        }
        release(slot);
        return call;
    }

    /**
     * Takes a call off the table, whether in flight or waiting.
     *
     * @param call the call
     * @return true when it was there; {@code call.slot >= 0} then tells whether it was in flight
     */
    synchronized boolean remove(PendingCall call) {
        if (call.slot >= 0 && inFlight[call.slot] == call) {
            release(call.slot);
            return true;
        }
        boolean removed = waiting.remove(call);
        waitingSize = waiting.size();
        return removed;
    }

    private void release(int slot) {
        inFlight[slot] = null;
        free[freeCount++] = slot;
    }

    /**
     * Gives a free slot to the next waiting call.
     *
     * @return the call now holding a slot, to be sent, or {@code null}
     */
    PendingCall nextWaiting() {
        // A caller that queued did so under the lock, which this thread took since to free a slot: it is seen.
        return waitingSize == 0 ? null : takeNextWaiting();
    }

    private synchronized PendingCall takeNextWaiting() {
        while (freeCount > 0 && !waiting.isEmpty()) {
            PendingCall call = waiting.pollFirst();
            waitingSize = waiting.size();
            if (!call.isDone()) {
                assign(call, free[--freeCount]);
                return call;
            }
        }
        return null;
    }

    synchronized int inFlightCount() {
        return inFlight.length - freeCount;
    }

    /**
     * The calls in flight, read without the lock: may be stale, for heuristics only.
     *
     * @return about how many calls are in flight
     */
    int inFlightEstimate() {
        return inFlight.length - freeCount;
    }

    synchronized int waitingCount() {
        return waiting.size();
    }

    /**
     * Empties the table, for a closing connection.
     *
     * @param waitingOnly take only the calls waiting for a slot, leaving those in flight to finish
     * @return the calls taken
     */
    synchronized List<PendingCall> clear(boolean waitingOnly) {
        List<PendingCall> all = new ArrayList<>(waiting);
        waiting.clear();
        waitingSize = 0;
        if (!waitingOnly) {
            for (int slot = 0; slot < inFlight.length; slot++) {
                if (inFlight[slot] != null) {
                    all.add(inFlight[slot]);
                    release(slot);
                }
            }
        }
        return all;
    }
}
