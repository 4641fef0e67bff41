package dev.claudenexus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvFileTest {

  @TempDir Path directory;

  private static String valueOf(String text, String key) {
    Map<String, String> values = DotEnvFile.parse(text);
    assertTrue(values.containsKey(key), key + " is missing from " + values);
    return values.get(key);
  }

  @Test
  void plainPairIsRead() {
    assertEquals("value", valueOf("KEY=value\n", "KEY"));
  }

  @Test
  void keyAndValueAreStripped() {
    assertEquals("value", valueOf("  KEY  =   value  \n", "KEY"));
  }

  @Test
  void commentLinesAreSkipped() {
    Map<String, String> values = DotEnvFile.parse("# KEY=commented\n  # OTHER=x\nREAL=1\n");

    assertEquals(Map.of("REAL", "1"), values);
  }

  @Test
  void exportPrefixIsRemoved() {
    assertEquals("1", valueOf("export KEY=1\n", "KEY"));
  }

  @Test
  void exportWithExtraSpacesIsRemoved() {
    assertEquals("1", valueOf("export    KEY=1\n", "KEY"));
  }

  @Test
  void exportAloneIsNotKey() {
    assertFalse(DotEnvFile.parse("export\n").containsKey("export"));
  }

  @Test
  void keyNamedExportIsRead() {
    assertEquals("1", valueOf("export=1\n", "export"));
  }

  @Test
  void singleQuotesAreLiteral() {
    assertEquals("a \\n $b \"c\"", valueOf("KEY='a \\n $b \"c\"'\n", "KEY"));
  }

  @Test
  void doubleQuotesProcessEscapes() {
    assertEquals("line1\nline2\ttab\rcr \"q\" back\\slash",
        valueOf("KEY=\"line1\\nline2\\ttab\\rcr \\\"q\\\" back\\\\slash\"\n", "KEY"));
  }

  @Test
  void unknownEscapeKeepsCharacter() {
    assertEquals("a$b", valueOf("KEY=\"a\\$b\"\n", "KEY"));
  }

  @Test
  void quotedValueKeepsHashAndSpaces() {
    assertEquals("  a #b  ", valueOf("KEY=\"  a #b  \"\n", "KEY"));
  }

  @Test
  void inlineCommentEndsUnquotedValue() {
    assertEquals("value", valueOf("KEY=value # comment\n", "KEY"));
  }

  @Test
  void tabBeforeHashStartsComment() {
    assertEquals("value", valueOf("KEY=value\t# comment\n", "KEY"));
  }

  @Test
  void hashInsideWordIsKept() {
    assertEquals("pa#ss", valueOf("KEY=pa#ss\n", "KEY"));
  }

  @Test
  void hashAtValueStartIsKept() {
    assertEquals("#fff", valueOf("COLOR=#fff\n", "COLOR"));
  }

  @Test
  void commentAfterEqualsGivesEmptyValue() {
    assertEquals("", valueOf("KEY= # only a comment\n", "KEY"));
  }

  @Test
  void commentAfterDoubleQuotesIsDropped() {
    assertEquals("a b", valueOf("KEY=\"a b\" # comment\n", "KEY"));
  }

  @Test
  void commentAfterSingleQuotesIsDropped() {
    assertEquals("a b", valueOf("KEY='a b'   # comment\n", "KEY"));
  }

  @Test
  void escapedQuoteDoesNotCloseValue() {
    assertEquals("a\"b", valueOf("KEY=\"a\\\"b\" # comment\n", "KEY"));
  }

  @Test
  void quoteInsideSingleQuotesIsKept() {
    assertEquals("it's", valueOf("KEY='it's'\n", "KEY"));
  }

  @Test
  void unclosedQuoteIsTakenLiterally() {
    assertEquals("\"abc", valueOf("KEY=\"abc\n", "KEY"));
  }

  @Test
  void emptyValueIsEmptyString() {
    assertEquals("", valueOf("KEY=\n", "KEY"));
  }

  @Test
  void emptyDoubleQuotesAreEmptyString() {
    assertEquals("", valueOf("KEY=\"\"\n", "KEY"));
  }

  @Test
  void emptySingleQuotesAreEmptyString() {
    assertEquals("", valueOf("KEY=''\n", "KEY"));
  }

  @Test
  void valueMayContainEqualsSigns() {
    assertEquals("a=b=c", valueOf("KEY=a=b=c\n", "KEY"));
  }

  @Test
  void invalidKeysAreSkipped() {
    List<String> lines = List.of(
        "1KEY=digit first", "KEY-NAME=hyphen", "KEY NAME=space", "=no key", "no equals sign",
        "K\u00c9Y=non ascii", "$KEY=dollar");

    Map<String, String> values = DotEnvFile.parse(String.join("\n", lines) + "\nGOOD=1\n");

    assertEquals(Map.of("GOOD", "1"), values);
  }

  @Test
  void keyWithDotsAndUnderscoreIsValid() {
    assertEquals("1", valueOf("_my.key_2=1\n", "_my.key_2"));
  }

  @Test
  void crlfLineEndingsAreRemoved() {
    Map<String, String> values = DotEnvFile.parse("A=1\r\nB=\"two\"\r\nC=3 # c\r\n");

    assertEquals(Map.of("A", "1", "B", "two", "C", "3"), values);
  }

  @Test
  void bareCarriageReturnsSeparateLines() {
    assertEquals(Map.of("A", "1", "B", "2"), DotEnvFile.parse("A=1\rB=2"));
  }

  @Test
  void laterDuplicateKeyWins() {
    assertEquals("second", valueOf("KEY=first\nKEY=second\n", "KEY"));
  }

  @Test
  void valuesKeepFileOrder() {
    Map<String, String> values = DotEnvFile.parse("Z=1\nA=2\nM=3\n");

    assertEquals(List.of("Z", "A", "M"), List.copyOf(values.keySet()));
  }

  @Test
  void emptyTextGivesEmptyMap() {
    assertTrue(DotEnvFile.parse("").isEmpty());
  }

  @Test
  void missingFileGivesEmptyMap() throws IOException {
    assertTrue(DotEnvFile.read(directory.resolve("absent.env")).isEmpty());
  }

  @Test
  void directoryGivesEmptyMap() throws IOException {
    assertTrue(DotEnvFile.read(directory).isEmpty());
  }

  @Test
  void fileIsReadAsUtf8() throws IOException {
    Path file = directory.resolve(".env");
    Files.writeString(file, "GREETING=\"gr\u00fc\u00df dich \u2713\"\n", StandardCharsets.UTF_8);

    assertEquals(Map.of("GREETING", "gr\u00fc\u00df dich \u2713"), DotEnvFile.read(file));
  }

  @Test
  void fileOfMaximumSizeIsRead() throws IOException {
    Path file = directory.resolve(".env");
    String pair = "KEY=1\n";
    Files.writeString(file, pair + "#".repeat((int) DotEnvFile.MAX_BYTES - pair.length()));

    assertEquals(Map.of("KEY", "1"), DotEnvFile.read(file));
  }

  @Test
  void fileOverOneMebibyteIsRejected() throws IOException {
    Path file = directory.resolve(".env");
    Files.writeString(file, "#".repeat((int) DotEnvFile.MAX_BYTES + 1));

    IOException error = assertThrows(IOException.class, () -> DotEnvFile.read(file));

    assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
  }
}
