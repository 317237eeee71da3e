package dev.orrery.supervisor.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Lines into a file rotated by size, kept across restarts, whole under concurrent writers. */
@Timeout(20)
class RotatingFileTest {
    @TempDir
    Path dir;

    private List<String> lines(String name) throws IOException {
        return Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void shouldRotateAtTheSizeBoundaryAndKeepTheNewestFiles() throws IOException {
        // Each line is 5 bytes with its break: two fill a 10-byte file exactly, a third would pass it.
        try (RotatingFile file = new RotatingFile(dir.resolve("w.log"), 10, 2)) {
            file.append("L001");
            file.append("L002");
            file.flush();
            assertThat(Files.size(dir.resolve("w.log"))).isEqualTo(10);
            assertThat(dir.resolve("w.log.1")).doesNotExist();
            for (int n = 3; n <= 7; n++) {
                file.append("L00" + n);
            }
        }

        assertThat(lines("w.log")).containsExactly("L007");
        assertThat(lines("w.log.1")).containsExactly("L005", "L006");
        assertThat(lines("w.log.2")).containsExactly("L003", "L004");
        assertThat(dir.resolve("w.log.3")).doesNotExist();
    }

    @Test
    void shouldEmptyTheFileInPlaceWhenKeepingNone() throws IOException {
        try (RotatingFile file = new RotatingFile(dir.resolve("w.log"), 10, 0)) {
            for (int n = 1; n <= 5; n++) {
                file.append("L00" + n);
            }
        }

        assertThat(lines("w.log")).containsExactly("L005");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("w.log"));
        }
    }

    @Test
    void shouldAppendToTheFileItFindsAndCountItsSize() throws IOException {
        try (RotatingFile file = new RotatingFile(dir.resolve("w.log"), 10, 1)) {
            file.append("L001");
        }
        try (RotatingFile restarted = new RotatingFile(dir.resolve("w.log"), 10, 1)) {
            restarted.append("L002");
            restarted.append("L003");
        }

        assertThat(lines("w.log.1")).containsExactly("L001", "L002");
        assertThat(lines("w.log")).containsExactly("L003");
    }

    @Test
    void shouldWriteALineLongerThanTheLimitAloneInItsFile() throws IOException {
        String longLine = "x".repeat(25);
        try (RotatingFile file = new RotatingFile(dir.resolve("w.log"), 10, 3)) {
            file.append("L001");
            file.append(longLine);
            file.append("L002");
        }

        assertThat(lines("w.log.2")).containsExactly("L001");
        assertThat(lines("w.log.1")).containsExactly(longLine);
        assertThat(lines("w.log")).containsExactly("L002");
    }

    @Test
    void shouldCountTheLimitInBytesOfUtf8() throws IOException {
        // "é" is two bytes: "éé" and its break take 5 bytes, like "L001".
        try (RotatingFile file = new RotatingFile(dir.resolve("w.log"), 10, 1)) {
            file.append("éé");
            file.append("éé");
            file.append("é");
        }

        assertThat(lines("w.log.1")).containsExactly("éé", "éé");
        assertThat(lines("w.log")).containsExactly("é");
    }

    @Test
    void shouldMakeTheParentDirectoriesAtTheFirstLine() throws IOException {
        Path nested = dir.resolve("logs/echo/1.stdout.log");
        RotatingFile file = new RotatingFile(nested, 1000, 1);
        assertThat(nested.getParent()).doesNotExist();

        file.append("hello");
        file.close();

        assertThat(Files.readString(nested)).isEqualTo("hello\n");
    }

    @Test
    void shouldHandLinesToTheSystemAtFlush() throws IOException {
        try (RotatingFile file = new RotatingFile(dir.resolve("w.log"), 1000, 1)) {
            file.append("buffered");
            assertThat(Files.size(dir.resolve("w.log"))).isZero();

            file.flush();

            assertThat(Files.readString(dir.resolve("w.log"))).isEqualTo("buffered\n");
        }
    }

    @Test
    void shouldRefuseLinesOnceClosed() throws IOException {
        RotatingFile file = new RotatingFile(dir.resolve("w.log"), 1000, 1);
        file.append("last");
        file.close();
        file.close();

        assertThatThrownBy(() -> file.append("too late")).isInstanceOf(ClosedChannelException.class);
        assertThat(lines("w.log")).containsExactly("last");
    }

    @Test
    void shouldKeepLinesWholeUnderConcurrentWritersAndRotation() throws Exception {
        int writers = 8;
        int perWriter = 2000;
        String padding = "-".repeat(80);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try (RotatingFile file = new RotatingFile(dir.resolve("w.log"), 64 * 1024, 1000)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < perWriter; n++) {
                        file.append("writer " + writer + " line " + n + " " + padding);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        Set<String> expected = new HashSet<>();
        for (int w = 0; w < writers; w++) {
            for (int n = 0; n < perWriter; n++) {
                expected.add("writer " + w + " line " + n + " " + padding);
            }
        }
        List<String> all = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path path : files.toList()) {
                assertThat(Files.size(path)).isLessThanOrEqualTo(64 * 1024);
                all.addAll(Files.readAllLines(path));
            }
        }
        assertThat(all).hasSize(writers * perWriter);
        assertThat(new HashSet<>(all)).isEqualTo(expected);
    }

    @Test
    void shouldRefuseSettingsThatCannotWork() {
        assertThatThrownBy(() -> new RotatingFile(dir.resolve("w.log"), 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RotatingFile(dir.resolve("w.log"), 10, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
