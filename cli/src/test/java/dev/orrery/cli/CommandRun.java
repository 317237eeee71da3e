package dev.orrery.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The outcome of running the {@code orrery} command in this JVM.
 *
 * @param exitCode what {@code main} would exit with
 * @param out      what it printed on stdout
 * @param err      what it printed on stderr
 */
record CommandRun(int exitCode, String out, String err) {

    /**
     * Runs the command line as {@link Main#main} does, capturing its output.
     *
     * @param args the arguments
     * @return the outcome
     */
    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
