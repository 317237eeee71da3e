package dev.orrery.transport.shm;

import dev.orrery.Endpoint;
import dev.orrery.transport.Connection;
import dev.orrery.transport.Transport;
import java.io.IOException;

/**
 * A child JVM that connects to {@code args[0]}, sends a frame of 16 bytes, then {@code args[1]} frames of
 * {@code args[2]} bytes if given, prints {@code CONNECTED}, and holds on until killed. Its reader holds the
 * first frame it gets for ever, so that what the server sends stays unread.
 */
public final class ShmClientProcess {

    private ShmClientProcess() {
    }

    /**
     * @param args the endpoint; optionally how many more frames, and their size
     * @throws Exception when it cannot connect
     */
    public static void main(String[] args) throws Exception {
        Transport transport = ShmTestSupport.transport("child");
        Connection connection = transport.connect(Endpoint.parse(args[0]), c -> new ShmTestSupport.Held())
                .get();
        connection.send(new ShmTestSupport.Frame(new byte[16]));
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        for (int i = 0; i < frames; i++) {
            if (!connection.send(new ShmTestSupport.Frame(ShmTestSupport.randomBytes(Integer.parseInt(args[2]), i)))) {
                throw new IOException("frame " + i + " not sent");
            }
        }
        System.out.println("CONNECTED");
        while (System.in.read() >= 0) {
            continue;
        }
        throw new IOException("standard input closed; the test kills this process instead");
    }
}
