/**
 * End-to-end benchmarks: {@code orrery bench rpc} measures echo round trips between this process and a server in
 * a child JVM, for Orrery and for its peers (gRPC-java), side by side in the same run; {@code orrery bench locate}
 * measures calls by name, with a name server and two echo servers in child JVMs.
 *
 * <p>Run them through the CLI ({@code orrery bench rpc --peers grpc}) or without it:
 * <pre>{@code
 * java -cp "$(cat cp.txt)" dev.orrery.bench.BenchMain rpc --peers grpc --duration 5s --concurrency 1,64
 * java -cp "$(cat cp.txt)" dev.orrery.bench.BenchMain locate --duration 5s
 * }</pre>
 *
 * <p>The one system property of this module is {@value ServerProcess#SERVER_JVM_ARGS}: extra JVM options for the
 * server children, such as {@code -XX:StartFlightRecording=filename=server.jfr}, separated by spaces.
 */
package dev.orrery.bench;
