package dev.orrery.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of {@code orrery bench} in this JVM, with what it printed.
 *
 * @param exit its exit code
 * @param out  what it printed on stdout
 * @param err  what it printed on stderr
 */
record BenchRun(int exit, String out, String err) {

    /**
     * Runs the command.
     *
     * @param args its arguments, such as {@code rpc --duration 1s}
     * @return the run
     */
    static BenchRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new BenchCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute(args);
        return new BenchRun(exit, out.toString(), err.toString());
    }
}
