package dev.orrery.transport.shm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Linux's futex system call through the foreign-function API, on an int in memory that two processes map: a
 * thread sleeps in the kernel until another wakes it, with no file descriptor in between. The operations are
 * the shared ones (not process-private), since the word is shared between processes.
 *
 * <p>A downcall is a restricted method of the foreign-function API, which the JVM allows without a warning
 * only to code granted native access ({@code --enable-native-access=ALL-UNNAMED} on the class path). The
 * transport uses a futex only where it is granted ({@link #available()}), and the Unix socket otherwise, so
 * that it needs no JVM flag. Public for the benchmark that compares the two; not part of Orrery's API.
 */
// Restricted methods are called only once available() has found native access granted.
@SuppressWarnings("restricted")
public final class Futex {

    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    private static final long SYS_FUTEX = switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> 202;
        case "aarch64" -> 98;
        default -> -1;
    };
    private static final boolean AVAILABLE = SYS_FUTEX > 0 && System.getProperty("os.name").startsWith("Linux")
            && Futex.class.getModule().isNativeAccessEnabled();

    private Futex() {
    }

    /**
     * Whether this process may use the system call: Linux on x86-64 or AArch64, with native access granted.
     *
     * @return true where {@link #await} and {@link #wake} work
     */
    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * A relative timeout for {@link #await}: a {@code struct timespec}.
     *
     * @param arena  where it lives
     * @param millis how long
     * @return the timeout
     */
    public static MemorySegment timeout(Arena arena, long millis) {
        MemorySegment timespec = arena.allocate(2 * Long.BYTES, Long.BYTES);
        timespec.set(ValueLayout.JAVA_LONG, 0, millis / 1000);
        timespec.set(ValueLayout.JAVA_LONG, Long.BYTES, (millis % 1000) * 1_000_000);
        return timespec;
    }

    /**
     * Sleeps while the word still holds {@code expected}, at most for the timeout; returns at once when it does
     * not. May return early, so callers look at the word again.
     *
     * @param word     a 4-byte-aligned int in shared memory
     * @param expected the value it holds while there is nothing new
     * @param timeout  from {@link #timeout}
     */
    public static void await(MemorySegment word, int expected, MemorySegment timeout) {
        call(FUTEX_WAIT, word, expected, timeout);
    }

    /**
     * Wakes one thread sleeping on the word.
     *
     * @param word a 4-byte-aligned int in shared memory
     */
    public static void wake(MemorySegment word) {
        call(FUTEX_WAKE, word, 1, MemorySegment.NULL);
    }

    private static void call(int operation, MemorySegment word, int value, MemorySegment timeout) {
        if (!AVAILABLE) {
            throw new IllegalStateException("no futex here: it needs Linux on x86-64 or AArch64 and "
                    + "--enable-native-access=ALL-UNNAMED");
        }
        try {
            // -1 with errno EAGAIN (the word changed) or ETIMEDOUT is an ordinary outcome: callers look again.
            long result = (long) Holder.SYSCALL.invokeExact(SYS_FUTEX, word, operation, value, timeout);
            assert result >= -1 : result;
        } catch (RuntimeException | Error e) {
            // Such as IllegalStateException for a segment unmapped meanwhile: the caller's to judge.
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the futex system call failed", e);
        }
    }

    /** Linked on first use, so that a process without native access never touches the linker. */
    private static final class Holder {
        static final MethodHandle SYSCALL = Linker.nativeLinker().downcallHandle(
                Linker.nativeLinker().defaultLookup().find("syscall").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
                Linker.Option.firstVariadicArg(1));
    }
}
