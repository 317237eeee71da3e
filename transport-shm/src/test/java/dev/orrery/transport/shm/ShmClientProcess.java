package dev.orrery.transport.shm;

import dev.orrery.Endpoint;
import dev.orrery.transport.Connection;
import dev.orrery.transport.Transport;
import java.io.IOException;

/** A child JVM that connects to {@code args[0]}, prints {@code CONNECTED}, and holds on until killed. */
public final class ShmClientProcess {

    private ShmClientProcess() {
    }

    /**
     * @param args the endpoint
     * @throws Exception when it cannot connect
     */
    public static void main(String[] args) throws Exception {
        Transport transport = ShmTestSupport.transport("child");
        Connection connection = transport.connect(Endpoint.parse(args[0]), c -> new ShmTestSupport.Recording())
                .get();
        connection.send(new ShmTestSupport.Frame(new byte[16]));
        System.out.println("CONNECTED");
        while (System.in.read() >= 0) {
            continue;
        }
        throw new IOException("standard input closed; the test kills this process instead");
    }
}
