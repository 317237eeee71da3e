package dev.orrery.supervisor.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Bytes into lines: breaks, carriage returns, long lines cut between characters. */
class LineSplitterTest {

    private static List<String> split(int max, byte[]... chunks) {
        List<String> lines = new ArrayList<>();
        LineSplitter splitter = new LineSplitter(max, lines::add);
        for (byte[] chunk : chunks) {
            splitter.feed(chunk, 0, chunk.length);
        }
        splitter.finish();
        return lines;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldCutAtLineBreaksAndDropTheCarriageReturnBeforeOne() {
        assertThat(split(64, utf8("one\ntwo\r\n\nthree\rstill three\n")))
                .containsExactly("one", "two", "", "three\rstill three");
    }

    @Test
    void shouldHandOnAnUnfinishedLastLineAtTheEnd() {
        assertThat(split(64, utf8("one\ntw"), utf8("o"))).containsExactly("one", "two");
        assertThat(split(64, utf8("one\n"))).containsExactly("one");
        assertThat(split(64)).isEmpty();
    }

    @Test
    void shouldCutALongLineIntoPiecesOfTheLimit() {
        assertThat(split(4, utf8("abcdefghij\nk\n"))).containsExactly("abcd", "efgh", "ij", "k");
    }

    @Test
    void shouldNotCutACharacterInTwo() {
        // "€" is 3 bytes and "😀" 4: a 5-byte piece holds "a€" but not "a€b" plus a part of the next.
        assertThat(split(5, utf8("a€€b😀c\n"))).containsExactly("a€", "€b", "😀c");
        assertThat(split(4, utf8("😀😀\n"))).containsExactly("😀", "😀");
    }

    @Test
    void shouldLetAFullLineEndWithCarriageReturnAndBreak() {
        // "abcd" fills the piece; its "\r\n" ends it rather than begin a piece of its own.
        assertThat(split(4, utf8("abcd\r\nx\n"))).containsExactly("abcd", "x");
        assertThat(split(4, utf8("abcd\ry\n"))).containsExactly("abcd", "\ry");
        assertThat(split(4, utf8("abcd\r"))).containsExactly("abcd");
    }

    @Test
    void shouldReplaceBytesThatAreNotUtf8() {
        assertThat(split(64, new byte[] {'a', (byte) 0xFF, 'b', '\n'})).containsExactly("a\uFFFDb");
    }

    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> plain = Arbitraries.strings().withChars('a', 'b', 'é', '€', '\r').ofMaxLength(30);
        Arbitrary<String> wide = Arbitraries.of("😀", "a😀", "ab😀😀", "€😀\r😀", "abc\r");
        return Arbitraries.oneOf(plain, wide).list().ofMaxSize(20);
    }

    @Property(tries = 300)
    void shouldGiveTheSamePiecesWhateverTheChunksAndNeverCutACharacter(@ForAll("lines") List<String> lines,
            @ForAll @IntRange(min = 4, max = 12) int max, @ForAll @IntRange(min = 1, max = 7) int chunk) {
        byte[] all = utf8(String.join("\r\n", lines) + (lines.isEmpty() ? "" : "\r\n"));
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < all.length; i += chunk) {
            chunks.add(Arrays.copyOfRange(all, i, Math.min(all.length, i + chunk)));
        }

        List<String> whole = split(max, all);
        List<String> chunked = split(max, chunks.toArray(byte[][]::new));

        assertThat(chunked).isEqualTo(whole);
        assertThat(String.join("", whole)).isEqualTo(String.join("", lines));
        for (String piece : whole) {
            assertThat(utf8(piece).length).isLessThanOrEqualTo(max);
            assertThat(piece).doesNotContain("\uFFFD");
        }
    }
}
