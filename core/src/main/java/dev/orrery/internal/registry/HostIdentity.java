package dev.orrery.internal.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Who this process is to its neighbours: the boot of the kernel it runs on, and the user it runs as. Two
 * processes with the same identity can share memory: they see the same {@code /dev/shm}, and the files one
 * creates with owner-only permissions the other may open.
 */
public final class HostIdentity {

    /** The metadata key under which every registered instance carries the identity of its process. */
    public static final String METADATA_KEY = "host.id";

    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");
    private static final String CURRENT = of(bootId(), System.getProperty("user.name", ""));

    private HostIdentity() {
    }

    /**
     * The identity of this process.
     *
     * @return such as {@code 3f1c9a4e-…-7d2b/alice}
     */
    public static String current() {
        return CURRENT;
    }

    /**
     * An identity from its parts.
     *
     * @param boot the kernel's boot id, or the host name where there is none
     * @param user the user name
     * @return the identity
     */
    static String of(String boot, String user) {
        return boot + "/" + user;
    }

    /**
     * The kernel's boot id, unique per boot of a Linux kernel and shared by every container on it; the host
     * name elsewhere, which is less certain but names one machine.
     */
    private static String bootId() {
        try {
            String id = Files.readString(BOOT_ID).strip().toLowerCase(Locale.ROOT);
            if (!id.isEmpty()) {
                return id;
            }
        } catch (IOException | SecurityException e) {
            // Not Linux, or not allowed to look: the host name will do.
        }
        try {
            return "host:" + java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "host:localhost";
        }
    }
}
