package dev.orrery.bench;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The answering side of {@code bench doorbell}, in a child JVM: {@code DoorbellPong socket|futex PATH}. It
 * connects to the Unix socket at PATH, or maps the futex file at PATH, prints {@code READY 0}, and answers each
 * ring with the same number until its stdin closes.
 */
public final class DoorbellPong {

    private DoorbellPong() {
    }

    /**
     * Runs the answering side.
     *
     * @param args the kind of doorbell and its path
     * @throws IOException when the doorbell cannot be opened
     */
    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[1]);
        try (Doorbell bell = open(args[0], path)) {
            Thread.ofPlatform().daemon(true).start(() -> stopWhenStdinCloses(bell));
            System.out.println("READY 0");
            System.out.flush();
            for (int sequence = 1; bell.await(sequence); sequence++) {
                bell.ring(sequence);
            }
        }
    }

    private static Doorbell open(String kind, Path path) throws IOException {
        return switch (kind) {
            case "socket" -> Doorbell.Socket.over(SocketChannel.open(UnixDomainSocketAddress.of(path)));
            case "futex" -> new Doorbell.FutexBell(path, false);
            default -> throw new IllegalArgumentException("unknown doorbell '" + kind + "'; expected socket or futex");
        };
    }

    private static void stopWhenStdinCloses(Doorbell bell) {
        try {
            while (System.in.read() >= 0) {
                continue;
            }
            bell.close();
        } catch (IOException e) {
            System.err.println("doorbell pong: " + e);
        }
        System.exit(0);
    }
}
