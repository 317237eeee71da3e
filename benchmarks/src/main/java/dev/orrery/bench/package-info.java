/**
 * End-to-end benchmarks: {@code orrery bench rpc} measures echo round trips between two processes of one host,
 * for Orrery over shared memory and TCP and for its peers (gRPC-java, JeroMQ, Aeron), side by side in the same run
 * with the CPU time they use, and against the raw floor of the machine (two processes and one memory-mapped
 * file); {@code orrery bench pubsub} measures topics, one publisher and its subscribers each in a child JVM, for
 * Orrery and for JeroMQ and Aeron; {@code orrery bench locate} measures calls by name, with a name server and two
 * echo servers in child JVMs.
 *
 * <p>Run them through the CLI ({@code orrery bench rpc --peers grpc}) or without it:
 * <pre>{@code
 * java -cp "$(cat cp.txt)" dev.orrery.bench.BenchMain rpc --peers grpc --duration 5s --concurrency 1,64
 * java -cp "$(cat cp.txt)" dev.orrery.bench.BenchMain rpc --transport all --peers grpc,jeromq,aeron
 * java -cp "$(cat cp.txt)" dev.orrery.bench.BenchMain pubsub --peers jeromq,aeron --subscribers 2
 * java -cp "$(cat cp.txt)" dev.orrery.bench.BenchMain locate --duration 5s
 * }</pre>
 *
 * <p>The one system property of this module is {@value ChildJvm#JVM_ARGS_PROPERTY}: extra JVM options for every
 * child JVM, such as {@code -XX:StartFlightRecording=filename=server-%p.jfr}, separated by spaces. Aeron's
 * children also get the one option Aeron needs on JDK 25, and no other process does.
 */
package dev.orrery.bench;
