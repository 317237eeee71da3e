package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The writing side of spill files alone: names, permissions, and which files it deletes when closed. */
@Timeout(10)
class SpillWriterTest {

    private static final String CONNECTION = "orrery-unit-42-1";

    @TempDir
    Path directory;

    @Test
    void shouldWriteTheFrameToAPrivateFileNamedAfterTheConnectionAndDirection() throws Exception {
        SpillWriter writer = new SpillWriter(new ShmFiles(directory), CONNECTION, Direction.SERVER_TO_CLIENT, 4096);
        assertThat(writer.spills(4096)).isFalse();
        assertThat(writer.spills(4097)).isTrue();
        ByteBuffer frame = ByteBuffer.wrap(ShmTestSupport.randomBytes(5000, 1));
        SpillWriter.Spill spill = writer.write(frame);
        assertThat(spill.file()).isEqualTo(directory.resolve("orrery-unit-42-1-s-1.spill"));
        assertThat(spill.length()).isEqualTo(5000);
        assertThat(frame.position()).as("the frame stays whole, for chunks should the file fail").isZero();
        assertThat(Files.readAllBytes(spill.file())).isEqualTo(frame.array());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spill.file()))).isEqualTo("rw-------");
        assertThat(new String(spill.name(), StandardCharsets.US_ASCII))
                .isEqualTo("orrery-unit-42-1-s-1.spill");
    }

    @Test
    void shouldDeleteWhenClosedOnlyTheFilesTheReaderHasNotReached() throws Exception {
        SpillWriter writer = new SpillWriter(new ShmFiles(directory), CONNECTION, Direction.CLIENT_TO_SERVER, 16);
        SpillWriter.Spill read = writer.write(ByteBuffer.allocate(100));
        SpillWriter.Spill unread = writer.write(ByteBuffer.allocate(100));
        SpillWriter.Spill unpublished = writer.write(ByteBuffer.allocate(100));
        writer.published(read, 64, 0);
        writer.published(unread, 128, 0);
        assertThat(writer.unread(64)).isTrue();
        assertThat(writer.unread(128)).as("the unpublished file is no one's to read").isFalse();
        // The reader deletes each file it reaches; a file the writer thinks read is never touched again.
        Files.move(read.file(), directory.resolve("kept-by-the-reader"));
        writer.close(64);
        assertThat(unread.file()).doesNotExist();
        assertThat(unpublished.file()).doesNotExist();
        assertThat(writer.write(ByteBuffer.allocate(100))).as("no file once closed").isNull();
        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left).containsExactly(directory.resolve("kept-by-the-reader"));
        }
    }

    @Test
    void shouldGiveUpWithoutThrowingWhenTheFileCannotBeCreated() {
        SpillWriter writer = new SpillWriter(new ShmFiles(directory.resolve("missing")), CONNECTION,
                Direction.CLIENT_TO_SERVER, 16);
        assertThat(writer.write(ByteBuffer.allocate(100))).isNull();
        assertThat(writer.write(ByteBuffer.allocate(100))).as("and again, logged once").isNull();
    }
}
