package dev.orrery.supervisor.internal.run;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.Service;
import dev.orrery.supervisor.SupervisorService;
import dev.orrery.supervisor.WorkerReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process: it serves its group's classes, registered with the name server, and reports to the
 * supervisor until told to stop.
 *
 * <p>Its standard input is the supervisor's control line: {@code stop} makes it stop gracefully (deregister,
 * finish the calls in flight within the grace period, exit 0). The end of standard input means the supervisor
 * is gone, even killed with {@code -9}: the worker then stops too, so no worker outlives its supervisor.
 */
public final class WorkerMain {

    /** The exit code of a worker whose command line or classes are wrong: restarting it would not help. */
    public static final int EXIT_CONFIG = 78;

    /** What a worker prints once it serves, followed by its services and endpoints. */
    public static final String SERVING = "orrery worker: serving ";

    private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);

    private WorkerMain() {
    }

    /**
     * Runs a worker.
     *
     * @param args written by {@link WorkerArgs#toArgs()}
     */
    public static void main(String[] args) {
        WorkerArgs settings;
        List<Class<?>> services;
        List<Object> implementations = new ArrayList<>();
        try {
            settings = WorkerArgs.parse(args);
            services = new ArrayList<>();
            for (String name : settings.classes()) {
                Class<?> type = Class.forName(name);
                Object implementation = type.getDeclaredConstructor().newInstance();
                for (Class<?> service : serviceInterfaces(type)) {
                    services.add(service);
                    implementations.add(implementation);
                }
            }
        } catch (IllegalArgumentException | ReflectiveOperationException | LinkageError e) {
            System.err.println("orrery worker: cannot start: " + describe(e));
            System.exit(EXIT_CONFIG);
            return;
        }
        long pid = ProcessHandle.current().pid();
        Node node = Node.builder().name(settings.group() + "-" + settings.slot()).listen(settings.listen())
                .nameserver(settings.nameServer()).sharedMemory(settings.sharedMemory())
                .options(options -> options.shutdownGrace(settings.grace())
                        .metadata("orrery.group", settings.group())
                        .metadata("orrery.worker", Integer.toString(settings.slot()))
                        .metadata("orrery.pid", Long.toString(pid)))
                .build();
        for (int i = 0; i < services.size(); i++) {
            serve(node, services.get(i), implementations.get(i));
        }
        node.start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "orrery-worker-shutdown"));
        List<String> names = services.stream().map(s -> s.getAnnotation(Service.class).value()).toList();
        List<String> endpoints = node.endpoints().stream().map(Endpoint::toString).toList();
        System.out.println(SERVING + String.join(", ", names) + " at " + String.join(", ", endpoints) + " (pid "
                + pid + ")");
        System.out.flush();
        Reporter reporter = Reporter.start(node, settings, names, endpoints);
        int code = awaitStop(settings);
        reporter.close();
        node.close();
        System.exit(code);
    }

    /** Waits for {@code stop} or the end of standard input; returns the exit code. */
    private static int awaitStop(WorkerArgs settings) {
        BufferedReader control = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = control.readLine()) != null) {
                if (line.strip().equals("stop")) {
                    System.out.println("orrery worker: stopping; calls in flight have up to "
                            + settings.grace().toMillis() + " ms to finish");
                    return 0;
                }
                LOG.warn("ignoring unknown control line '{}'", line);
            }
        } catch (IOException e) {
            LOG.debug("control line failed", e);
        }
        System.err.println("orrery worker: the supervisor is gone (its control line closed); stopping");
        // The name server ran in the supervisor: deregistering cannot take long, but nothing may hold this up.
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(settings.grace().plusSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        });
        return 1;
    }

    private static List<Class<?>> serviceInterfaces(Class<?> type) {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> candidate : c.getInterfaces()) {
                if (candidate.isAnnotationPresent(Service.class) && !found.contains(candidate)) {
                    found.add(candidate);
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " implements no interface annotated @Service");
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static <T> void serve(Node node, Class<?> type, Object implementation) {
        node.serve((Class<T>) type, (T) implementation);
    }

    private static String describe(Throwable e) {
        return switch (e) {
            case ClassNotFoundException c -> "class " + c.getMessage() + " is not on the worker's class path";
            case NoSuchMethodException n -> n.getMessage() + ": a served class needs a public no-argument "
                    + "constructor";
            case InvocationTargetException i -> "its constructor failed: " + i.getCause();
            default -> e.toString();
        };
    }

    /** Once a second, tells the supervisor this worker serves, with its call statistics. */
    private static final class Reporter implements AutoCloseable {
        private final Thread thread;

        private Reporter(Thread thread) {
            this.thread = thread;
        }

        static Reporter start(Node node, WorkerArgs settings, List<String> services, List<String> endpoints) {
            SupervisorService supervisor = node.connect(SupervisorService.class, settings.supervisor());
            long pid = ProcessHandle.current().pid();
            Thread thread = Thread.ofPlatform().daemon().name("orrery-worker-report").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        supervisor.report(new WorkerReport(settings.group(), settings.slot(), pid, services,
                                endpoints, node.metrics().snapshot()));
                    } catch (RuntimeException e) {
                        LOG.debug("report to the supervisor failed", e);
                    }
                    try {
                        Thread.sleep(settings.reportInterval());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return new Reporter(thread);
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
