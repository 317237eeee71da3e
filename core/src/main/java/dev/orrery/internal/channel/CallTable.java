package dev.orrery.internal.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * The calls a server connection has in flight, by correlation id: an open-addressing table of primitive keys,
 * so that a call costs no boxed key and no map node.
 *
 * <p>Thread-safe: every method holds the table's lock, briefly. Calls arrive on the connection's reading thread
 * and leave on whichever thread answers them.
 */
final class CallTable {
    private static final int INITIAL_CAPACITY = 16;

    private long[] ids = new long[INITIAL_CAPACITY];
    /** The call in each cell; {@code null} marks an empty cell. */
    private InboundCall[] calls = new InboundCall[INITIAL_CAPACITY];
    private int size;

    /**
     * Adds a call unless one with its id is in flight.
     *
     * @param id   the correlation id
     * @param call the call
     * @return how many calls are in flight with this one, or -1 when one with its id already was
     */
    synchronized int add(long id, InboundCall call) {
        int mask = calls.length - 1;
        for (int i = hash(id) & mask; ; i = (i + 1) & mask) {
            InboundCall present = calls[i];
            if (present == null) {
                ids[i] = id;
                calls[i] = call;
                if (++size * 2 > calls.length) {
                    grow();
                }
                return size;
            }
            if (ids[i] == id) {
                return -1;
            }
        }
    }

    /**
     * Takes out the call with an id.
     *
     * @param id the correlation id
     * @return the call, or {@code null} when none is in flight with that id
     */
    synchronized InboundCall remove(long id) {
        int cell = find(id);
        if (cell < 0) {
            return null;
        }
        InboundCall call = calls[cell];
        delete(cell);
        return call;
    }

    /**
     * Takes out a call, if it is the one in flight with its id.
     *
     * @param id   the correlation id
     * @param call the call
     * @return whether it was taken out
     */
    synchronized boolean remove(long id, InboundCall call) {
        int cell = find(id);
        if (cell < 0 || calls[cell] != call) {
            return false;
        }
        delete(cell);
        return true;
    }

    synchronized boolean isEmpty() {
        return size == 0;
    }

    /**
     * Empties the table.
     *
     * @return the calls that were in it
     */
    synchronized List<InboundCall> clear() {
        List<InboundCall> all = new ArrayList<>(size);
        for (int i = 0; i < calls.length; i++) {
            if (calls[i] != null) {
                all.add(calls[i]);
                calls[i] = null;
            }
        }
        size = 0;
        return all;
    }

    private int find(long id) {
        int mask = calls.length - 1;
        for (int i = hash(id) & mask; calls[i] != null; i = (i + 1) & mask) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** Empties a cell, moving back the entries after it that would no longer be found past the gap. */
    private void delete(int cell) {
        int mask = calls.length - 1;
        int gap = cell;
        calls[gap] = null;
        size--;
        for (int i = (gap + 1) & mask; calls[i] != null; i = (i + 1) & mask) {
            int home = hash(ids[i]) & mask;
            // Moves when its home is not in the cyclic range (gap, i]: a probe from home would stop at the gap.
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                ids[gap] = ids[i];
                calls[gap] = calls[i];
                calls[i] = null;
                gap = i;
            }
        }
    }

    private void grow() {
        long[] oldIds = ids;
        InboundCall[] oldCalls = calls;
        ids = new long[oldIds.length * 2];
        calls = new InboundCall[oldCalls.length * 2];
        int mask = calls.length - 1;
        for (int j = 0; j < oldCalls.length; j++) {
            if (oldCalls[j] != null) {
                int i = hash(oldIds[j]) & mask;
                while (calls[i] != null) {
                    i = (i + 1) & mask;
                }
                ids[i] = oldIds[j];
                calls[i] = oldCalls[j];
            }
        }
    }

    private static int hash(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
