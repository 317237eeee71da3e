package dev.orrery.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The live streams: what they carry, and how they end. */
@Timeout(30)
class EventStreamTest {

    private static LiveServices services;
    private ConsoleUnderTest console;

    @BeforeAll
    static void startServices() {
        services = LiveServices.start();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @BeforeEach
    void startConsole() {
        console = ConsoleUnderTest.start(services);
    }

    @AfterEach
    void closeConsole() {
        console.close();
    }

    @Test
    void shouldSendTheGroupsAtOnceAndThenEveryTick() throws InterruptedException {
        try (EventReader events = EventReader.open(console.http, "/api/events")) {
            assertThat(events.response().statusCode()).isEqualTo(200);
            assertThat(events.response().headers().firstValue("Content-Type"))
                    .hasValue("text/event-stream; charset=utf-8");
            JsonNode first = events.next("services").json();
            assertThat(first.get(0).get("name").asText()).isEqualTo("echo");

            console.supervisor.stop("kv");

            await().atMost(Duration.ofSeconds(5)).until(() ->
                    events.next("services").json().get(1).get("status").asText().equals("stopped"));
        }
    }

    @Test
    void shouldSendAGroupsHistoryThenEachNewSampleAndItsDecisions() throws InterruptedException {
        try (EventReader events = EventReader.open(console.http, "/api/events?group=echo")) {
            assertThat(events.next("history").json()).hasSize(120);
            assertThat(events.next("decisions").json().get(0).get("action").asText()).isEqualTo("add");

            console.supervisor.sample("echo", 4321);

            assertThat(events.next("sample").json().get("callsPerSecond").asDouble()).isEqualTo(4321);
        }
    }

    @Test
    void shouldStreamTheBacklogThenNewLinesEachOnceInOrder() throws InterruptedException {
        try (EventReader events = EventReader.open(console.http, "/api/logs/stream?group=echo")) {
            EventReader.Event backlog = events.next("log");
            assertThat(backlog.json().get("text").asText()).startsWith("demo.echo registered");
            assertThat(backlog.id()).isEqualTo(backlog.json().get("seq").asText());

            console.supervisor.log("kv", "stdout", "not for this stream");
            console.supervisor.log("echo", "stderr", "live line");

            List<JsonNode> lines = new ArrayList<>(List.of(backlog.json()));
            while (!lines.getLast().get("text").asText().equals("live line")) {
                lines.add(events.next("log").json());
            }
            assertThat(lines).extracting(line -> line.get("group").asText()).containsOnly("echo");
            assertThat(lines).extracting(line -> line.get("seq").asLong()).isSorted().doesNotHaveDuplicates();
            assertThat(lines.getLast().get("stream").asText()).isEqualTo("stderr");
        }
    }

    @Test
    void shouldResumeAfterTheLastEventIdThatABrowserSendsBack() throws InterruptedException {
        long seen = console.supervisor.log("kv", "stdout", "seen before the break").seq();
        console.supervisor.log("kv", "stdout", "written during the break");

        try (EventReader events = EventReader.open(console.http, "/api/logs/stream?group=kv",
                "Last-Event-ID", Long.toString(seen))) {
            assertThat(events.next("log").json().get("text").asText()).isEqualTo("written during the break");
        }
    }

    @Test
    void shouldCloseTheTailWhenThePeerGoesAway() throws InterruptedException {
        EventReader events = EventReader.open(console.http, "/api/logs/stream");
        events.next("log");
        assertThat(console.supervisor.openTails()).isEqualTo(1);

        events.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> console.supervisor.openTails() == 0);
    }

    @Test
    void shouldEndEveryStreamAndTailWhenTheConsoleCloses() throws InterruptedException {
        EventReader log = EventReader.open(console.http, "/api/logs/stream");
        EventReader groups = EventReader.open(console.http, "/api/events");
        log.next("log");
        groups.next("services");

        console.close();

        assertThat(log.awaitEnd(Duration.ofSeconds(5))).isTrue();
        assertThat(groups.awaitEnd(Duration.ofSeconds(5))).isTrue();
        assertThat(console.supervisor.openTails()).isZero();
    }

    @Test
    void shouldRefuseAStreamOfAGroupThatDoesNotExist() {
        assertThat(console.http.get("/api/logs/stream?group=nope").statusCode()).isEqualTo(404);
        assertThat(console.http.get("/api/events?group=nope").statusCode()).isEqualTo(404);
    }
}
