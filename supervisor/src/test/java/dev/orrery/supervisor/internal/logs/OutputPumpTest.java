package dev.orrery.supervisor.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orrery.supervisor.LogLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A worker's stream into a file and the log book, through real pipes. */
@Timeout(20)
class OutputPumpTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final LogBook book = new LogBook(100, InstantSource.system());

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }

    @Test
    void shouldCutALongLineAndDropCarriageReturnsThroughAPipe() throws Exception {
        PipedInputStream in = new PipedInputStream(4096);
        PipedOutputStream out = new PipedOutputStream(in);
        RotatingFile file = new RotatingFile(dir.resolve("1.stdout.log"), 1 << 20, 1);
        OutputPump pump = OutputPump.start(in, "echo", 42, "stdout", file, book);

        out.write("first\r\nsecond\n".getBytes(StandardCharsets.UTF_8));
        out.write(("x".repeat(40_000) + "\n").getBytes(StandardCharsets.UTF_8));
        out.write("unfinished".getBytes(StandardCharsets.UTF_8));
        out.close();

        assertThat(pump.join(WAIT)).isTrue();
        List<String> expected = List.of("first", "second", "x".repeat(16_384), "x".repeat(16_384),
                "x".repeat(40_000 - 2 * 16_384), "unfinished");
        assertThat(texts(book.latest("echo", 100))).isEqualTo(expected);
        assertThat(book.latest("echo", 100)).allSatisfy(line -> {
            assertThat(line.pid()).isEqualTo(42);
            assertThat(line.stream()).isEqualTo("stdout");
        });
        assertThat(pump.lines()).isEqualTo(6);
        assertThat(pump.failure()).isEmpty();
        // The pump flushed the file and left it open: it belongs to the caller.
        assertThat(Files.readAllLines(dir.resolve("1.stdout.log"))).isEqualTo(expected);
        file.append("still open");
        file.close();
    }

    @Test
    void shouldReadARealProcessStdoutAndStderr() throws Exception {
        Process process = new ProcessBuilder("sh", "-c",
                "printf 'one\\ntwo\\r\\n'; printf 'oops\\n' >&2; printf 'three'").start();
        try (RotatingFile stdout = new RotatingFile(dir.resolve("1.stdout.log"), 1 << 20, 1);
             RotatingFile stderr = new RotatingFile(dir.resolve("1.stderr.log"), 1 << 20, 1)) {
            OutputPump out = OutputPump.start(process.getInputStream(), "echo", process.pid(), "stdout", stdout, book);
            OutputPump err = OutputPump.start(process.getErrorStream(), "echo", process.pid(), "stderr", stderr, book);

            assertThat(out.join(WAIT)).isTrue();
            assertThat(err.join(WAIT)).isTrue();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(book.latest(null, 100)).filteredOn(line -> line.stream().equals("stdout"))
                    .extracting(LogLine::text).containsExactly("one", "two", "three");
            assertThat(book.latest(null, 100)).filteredOn(line -> line.stream().equals("stderr"))
                    .extracting(LogLine::text, LogLine::pid).containsExactly(
                            tuple("oops", process.pid()));
            assertThat(Files.readAllLines(dir.resolve("1.stdout.log"))).containsExactly("one", "two", "three");
            assertThat(Files.readAllLines(dir.resolve("1.stderr.log"))).containsExactly("oops");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldEndWhenReadingFailsAndKeepWhatCameBefore() throws Exception {
        InputStream failing = new SequenceInputStream(
                new ByteArrayInputStream("whole\nhalf".getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("Stream closed");
                    }
                });
        try (RotatingFile file = new RotatingFile(dir.resolve("w.log"), 1 << 20, 1)) {
            OutputPump pump = OutputPump.start(failing, "echo", 42, "stdout", file, book);

            assertThat(pump.join(WAIT)).isTrue();

            assertThat(pump.failure()).get().extracting(Throwable::getMessage).isEqualTo("Stream closed");
            assertThat(texts(book.latest("echo", 100))).containsExactly("whole", "half");
        }
    }

    @Test
    void shouldKeepLinesInTheBookAndSaySoOnceWhenTheFileCannotBeWritten() throws Exception {
        // The file's directory would have to be where a plain file is.
        Files.writeString(dir.resolve("taken"), "");
        RotatingFile file = new RotatingFile(dir.resolve("taken/w.log"), 1 << 20, 1);
        OutputPump pump = OutputPump.start(new ByteArrayInputStream("a\nb\nc\n".getBytes(StandardCharsets.UTF_8)),
                "echo", 42, "stdout", file, book);

        assertThat(pump.join(WAIT)).isTrue();

        List<LogLine> lines = book.latest("echo", 100);
        assertThat(lines).filteredOn(line -> line.pid() == 42).extracting(LogLine::text)
                .containsExactly("a", "b", "c");
        assertThat(lines).filteredOn(line -> line.stream().equals("supervisor")).singleElement()
                .satisfies(line -> {
                    assertThat(line.pid()).isZero();
                    assertThat(line.text()).startsWith("cannot write the stdout of worker 42 to ")
                            .contains("taken");
                });
    }

    @Test
    void shouldKeepLinesInTheBookAloneOnceTheFileIsClosed() throws Exception {
        RotatingFile file = new RotatingFile(dir.resolve("w.log"), 1 << 20, 1);
        file.close();
        OutputPump pump = OutputPump.start(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)),
                "echo", 42, "stdout", file, book);

        assertThat(pump.join(WAIT)).isTrue();

        assertThat(book.latest("echo", 100)).extracting(LogLine::text).containsExactly("a", "b");
        assertThat(dir.resolve("w.log")).doesNotExist();
    }
}
