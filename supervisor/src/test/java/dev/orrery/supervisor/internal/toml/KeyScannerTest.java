package dev.orrery.supervisor.internal.toml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scanner finds where each key path of a document is written. */
@Timeout(10)
class KeyScannerTest {

    @Test
    void shouldFindThatJacksonsTokensCarryNoLocationWhichIsWhyTheScannerExists() throws IOException {
        // If a later Jackson reports locations, the scanner may give way to currentTokenLocation().
        try (JsonParser parser = new TomlFactory().createParser("[a]\nb = 1\n")) {
            while (parser.nextToken() != null) {
                assertThat(parser.currentTokenLocation().getLineNr()).isEqualTo(-1);
            }
        }
    }

    @Test
    void shouldFindTablesKeysAndDottedKeys() {
        Map<KeyPath, Position> positions = KeyScanner.scan("""
                top = 1
                [services.echo]
                  classes = ["a.B"]
                scale . up-threshold = 0.5
                """);

        assertThat(positions).contains(
                entry(path("top"), new Position(1, 1)),
                entry(path("services"), new Position(2, 2)),
                entry(path("services.echo"), new Position(2, 11)),
                entry(path("services.echo.classes"), new Position(3, 3)),
                entry(path("services.echo.classes[0]"), new Position(3, 14)),
                entry(path("services.echo.scale"), new Position(4, 1)),
                entry(path("services.echo.scale.up-threshold"), new Position(4, 9)));
    }

    @Test
    void shouldFindKeysOfInlineTablesAndElementsOfArrays() {
        Map<KeyPath, Position> positions = KeyScanner.scan("""
                env = { A = "1", "B C" = { d = 2 } }
                list = [
                  [1, 2],
                  { x = 'y' },
                ]
                """);

        assertThat(positions).contains(
                entry(path("env.A"), new Position(1, 9)),
                entry(KeyPath.ROOT.child("env").child("B C"), new Position(1, 18)),
                entry(KeyPath.ROOT.child("env").child("B C").child("d"), new Position(1, 28)),
                entry(path("list[0]"), new Position(3, 3)),
                entry(path("list[0][1]"), new Position(3, 7)),
                entry(path("list[1]"), new Position(4, 3)),
                entry(path("list[1].x"), new Position(4, 5)));
    }

    @Test
    void shouldNumberTheTablesOfAnArrayOfTables() {
        Map<KeyPath, Position> positions = KeyScanner.scan("""
                [[a]]
                x = 1
                [[a]]
                x = 2
                [a.b]
                y = 3
                """);

        assertThat(positions).contains(
                entry(path("a[0].x"), new Position(2, 1)),
                entry(path("a[1]"), new Position(3, 3)),
                entry(path("a[1].x"), new Position(4, 1)),
                entry(path("a[1].b.y"), new Position(6, 1)));
    }

    @Test
    void shouldStepOverStringsThatHoldWhatLooksLikeKeys() {
        Map<KeyPath, Position> positions = KeyScanner.scan("""
                a = "x = 1 # [t]"
                b = '''
                c = 2
                ''' # d = 3
                e = \"""
                \\\""" f = 4 ""\"""
                g = 5
                """);

        assertThat(positions).containsOnlyKeys(path("a"), path("b"), path("e"), path("g"));
        assertThat(positions.get(path("g"))).isEqualTo(new Position(7, 1));
    }

    @Test
    void shouldDecodeEscapesOfQuotedKeys() {
        Map<KeyPath, Position> positions = KeyScanner.scan("\"a\\u0041\\tb\" = 1\n'c\\d' = 2\n");

        assertThat(positions).containsOnlyKeys(KeyPath.ROOT.child("aA\tb"), KeyPath.ROOT.child("c\\d"));
    }

    @Test
    void shouldSkipAByteOrderMark() {
        assertThat(KeyScanner.scan("\uFEFFa = 1\n")).containsExactly(entry(path("a"), new Position(1, 1)));
    }

    @Test
    void shouldEndOnTextThatIsNotToml() {
        assertThat(KeyScanner.scan("= = [ { \" ''' \n ]]] }")).isNotNull();
        assertThat(KeyScanner.scan("[")).isNotNull();
        assertThat(KeyScanner.scan("a = [1, 2")).isNotNull();
    }

    /** A path of bare keys and indexes, written as it is shown. */
    private static KeyPath path(String text) {
        return new KeyPath(text);
    }
}
