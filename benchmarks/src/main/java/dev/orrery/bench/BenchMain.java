package dev.orrery.bench;

import picocli.CommandLine;

/** Runs {@code bench} without the {@code orrery} command, for example {@code BenchMain rpc --peers grpc}. */
public final class BenchMain {

    private BenchMain() {
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments of {@code orrery bench}, such as {@code rpc --duration 5s}
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
