package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The top-level {@code orrery} command: help, usage errors and exit codes. */
class MainTest {

    @Test
    @Timeout(10)
    void shouldListTheCommandsAndTheExitCodesInItsHelp() {
        CommandRun run = CommandRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("nameserver", "demo", "ls", "watch", "call", "describe", "publish",
                "subscribe", "topics", "bench",
                "Exit codes:", "3   no such service or method, or no instance registered (NOT_FOUND)",
                NameServerOption.ENVIRONMENT);
    }

    @Test
    @Timeout(10)
    void shouldShowTheEffectiveNameServerAndItsVariableInTheHelpOfEveryCommandThatUsesIt() {
        for (String command : new String[] {"demo", "ls", "watch", "call", "describe", "publish", "subscribe",
            "topics"}) {
            CommandRun run = CommandRun.of(command, "--help");

            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out().replaceAll("\\s+", " ")).as(command)
                    .contains("--nameserver=URI", NameServerOption.ENVIRONMENT,
                            "(default: " + NameServerOption.implicitDefault() + ")");
        }
    }

    @Test
    @Timeout(10)
    void shouldFailAsAUsageErrorWithoutACommand() {
        CommandRun run = CommandRun.of();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("missing a command: up, down, nameserver, demo, ls, watch, call, describe, publish, "
                + "subscribe, topics, bench")
                .contains("Run 'orrery --help' for more.");
    }

    @Test
    @Timeout(10)
    void shouldRejectAMalformedEndpointAsAUsageError() {
        CommandRun run = CommandRun.of("call", "--endpoint", "localhost:7070", "demo.echo", "echo", "[\"hi\"]");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("expected scheme://address such as tcp://127.0.0.1:7070")
                .doesNotContain("\tat ");
    }

    @Test
    @Timeout(10)
    void shouldSuggestTheNearestCommand() {
        CommandRun run = CommandRun.of("cal");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Did you mean: orrery call?");
    }
}
