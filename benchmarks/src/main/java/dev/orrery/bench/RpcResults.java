package dev.orrery.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of {@code bench rpc} as they come: with {@code --json} each is written at once, so that a long run
 * can be followed; at the end, the table or the ratios, and the exit code.
 */
final class RpcResults {

    private final PrintWriter json;
    private final List<RpcResult> results = new ArrayList<>();

    /**
     * @param json where to write each result as a JSON line at once, or {@code null} for a table at the end
     */
    RpcResults(PrintWriter json) {
        this.json = json;
    }

    /**
     * Keeps a result, and writes it at once with {@code --json}.
     *
     * @param result the result
     */
    void add(RpcResult result) {
        results.add(result);
        if (json != null) {
            json.println(JsonRows.format(result));
            json.flush();
        }
    }

    /**
     * Writes the table on {@code out} (with {@code --json}, only the ratios, on {@code progress}), and says loudly
     * whether anything failed.
     *
     * @param failed   whether a server or a run failed outright
     * @param out      where results go
     * @param progress where people are told what happens
     * @return the exit code: 0 when every call succeeded, 1 otherwise
     */
    int finish(boolean failed, PrintWriter out, PrintWriter progress) {
        if (json != null) {
            ResultTable.ratios(results).forEach(progress::println);
            ResultTable.metricsRatios(results).forEach(progress::println);
        } else {
            ResultTable.render(results).forEach(out::println);
        }
        out.flush();
        return exitCode(results, failed, progress);
    }

    /**
     * The exit code of a benchmark, said loudly when it is not 0.
     *
     * @param results  every result of the run
     * @param failed   whether a server or a run failed outright
     * @param progress where people are told what happens
     * @return 0 when every call succeeded, 1 when one failed or a measurement completed none
     */
    static int exitCode(List<RpcResult> results, boolean failed, PrintWriter progress) {
        boolean callsFailed = results.stream().anyMatch(result -> result.errors() > 0 || result.calls() == 0);
        if (callsFailed || failed) {
            progress.println("!! the run had failures: see the lines marked !! above");
        }
        progress.flush();
        return callsFailed || failed ? 1 : 0;
    }
}
