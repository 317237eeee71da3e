package dev.orrery.bench;

import dev.orrery.pubsub.Delivery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A child of {@code bench pubsub}: the publisher or one subscriber of one system. It talks with the bench process
 * in lines. It says {@code READY <port>} once set up (a subscriber once its first message came), then answers
 * each line on its stdin: {@value #FLOOD} and {@value #PACE} set the publisher's pace, and {@value #CUT} asks for
 * the interval since the previous one, which comes back as {@code INTERVAL} and a {@link TopicInterval}. It stops
 * when its stdin closes, as when the bench process ends.
 *
 * <pre>{@code
 * java -cp CLASSPATH dev.orrery.bench.PubSubChild --role publisher --system orrery --transport shm \
 *     --nameserver tcp://127.0.0.1:2012 --payload 64 --rate 10000
 * java -cp CLASSPATH dev.orrery.bench.PubSubChild --role subscriber --system jeromq --port 40123 --payload 64
 * }</pre>
 */
@Command(name = "bench-pubsub-child", mixinStandardHelpOptions = true,
        description = "Publishes or subscribes for bench pubsub, as the bench process says on stdin.")
public final class PubSubChild implements Callable<Integer> {

    /** The first line: set up, and the port subscribers connect to (0 when they do not). */
    static final String READY = "READY ";
    /** The prefix of the answer to {@link #CUT}. */
    static final String INTERVAL = "INTERVAL ";
    /** Publish as fast as the system takes the messages. */
    static final String FLOOD = "FLOOD";
    /** Publish at the rate given. */
    static final String PACE = "PACE";
    /** Tell what happened since the previous cut. */
    static final String CUT = "CUT";
    /** How long a subscriber waits for its first message. */
    private static final Duration FIRST_MESSAGE_TIMEOUT = Duration.ofSeconds(30);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--role", required = true, description = "publisher or subscriber")
    private String role;

    @Option(names = "--system", required = true, description = "orrery, jeromq or aeron")
    private String system;

    @Option(names = "--transport", defaultValue = "tcp", description = "Orrery's: shm or tcp")
    private String transport;

    @Option(names = "--mode", defaultValue = "async", description = "Orrery's publisher's: async or sync")
    private String mode;

    @Option(names = "--nameserver", paramLabel = "URI", description = "Orrery's name server")
    private String nameServer;

    @Option(names = "--port", defaultValue = "0", description = "a JeroMQ subscriber's: the publisher's port")
    private int port;

    @Option(names = "--path", description = "Aeron's directory")
    private Path path;

    @Option(names = "--slots", defaultValue = "0", description = "an Orrery subscription's window; 0 for the default")
    private int slots;

    @Option(names = "--payload", required = true, description = "bytes per message")
    private int payload;

    @Option(names = "--rate", defaultValue = "10000", description = "the publisher's paced rate, messages a second")
    private int rate;

    /** Creates the command; picocli fills in its options. */
    public PubSubChild() {
    }

    /**
     * Runs the child until its stdin closes.
     *
     * @param args see {@link PubSubChild}
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new PubSubChild()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BenchSystem chosen = BenchSystem.byKey(system).filter(BenchSystem::hasTopics).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), "unknown system '" + system
                        + "': use orrery, jeromq or aeron"));
        return switch (role) {
            case "publisher" -> publish(chosen);
            case "subscriber" -> subscribe(chosen);
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "unknown role '" + role
                    + "': use publisher or subscriber");
        };
    }

    private int publish(BenchSystem chosen) throws IOException, InterruptedException {
        try (TopicSource source = switch (chosen) {
            case ORRERY -> OrreryTopics.publish(nameServer, transport.equals("shm"),
                    mode.equals("sync") ? Delivery.SYNC : Delivery.ASYNC);
            case JEROMQ -> JeroMqTopics.publish();
            case AERON -> AeronTopics.publish(path, idle());
            default -> throw new IllegalStateException(chosen.label() + " has no publisher here");
        }) {
            PublishLoop loop = new PublishLoop(source, payload, rate);
            loop.start();
            try {
                tell(READY + source.port());
                for (String command : commands()) {
                    switch (command) {
                        case FLOOD -> loop.pace(PublishLoop.Pace.FLOOD);
                        case PACE -> loop.pace(PublishLoop.Pace.PACED);
                        case CUT -> tell(INTERVAL + loop.cut().format());
                        default -> System.err.println("warning: unknown command '" + command + "'");
                    }
                }
            } finally {
                loop.stop();
            }
        }
        return 0;
    }

    private int subscribe(BenchSystem chosen) throws Exception {
        Deliveries deliveries = new Deliveries(payload);
        AutoCloseable subscriber = switch (chosen) {
            case ORRERY -> OrreryTopics.subscribe(nameServer, transport.equals("shm"), slots, deliveries);
            case JEROMQ -> JeroMqTopics.subscribe(port, deliveries);
            case AERON -> AeronTopics.subscribe(path, idle(), deliveries);
            default -> throw new IllegalStateException(chosen.label() + " has no subscriber here");
        };
        try {
            if (!deliveries.awaitFirst(FIRST_MESSAGE_TIMEOUT)) {
                throw new IllegalStateException("no message from the " + chosen.label() + " publisher within "
                        + DurationConverter.format(FIRST_MESSAGE_TIMEOUT));
            }
            tell(READY + 0);
            for (String command : commands()) {
                if (command.equals(CUT)) {
                    tell(INTERVAL + deliveries.cut().format());
                } else {
                    System.err.println("warning: a subscriber takes no command '" + command + "'");
                }
            }
        } finally {
            subscriber.close();
        }
        return 0;
    }

    /**
     * How Aeron's ends wait: Aeron's default, which spins, then yields, then parks from 1 µs up to 1 ms. Busy
     * spinning, as in {@code bench rpc}, needs a core for each of the publisher and every subscriber; with more
     * of them than cores, a spinner holds a core that a subscriber with messages waits for: on two busy cores
     * the p99 latency was 6 to 135 ms in three runs of four, against 0.6 to 2.7 ms with the backoff.
     */
    private static IdleStrategy idle() {
        return new BackoffIdleStrategy();
    }

    /** The lines of stdin, until it closes. */
    private static Iterable<String> commands() {
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return () -> reader.lines().iterator();
    }

    private static void tell(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
