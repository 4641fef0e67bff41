package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

  @TempDir Path directory;

  private Environment load(String dotEnv, Map<String, String> processEnvironment) throws IOException {
    Files.writeString(directory.resolve(".env"), dotEnv);
    return Environment.load(directory, processEnvironment);
  }

  private static Environment of(String name, String value) {
    return new Environment(Map.of(name, value));
  }

  @Test
  void dotEnvValuesAreRead() throws IOException {
    assertEquals(Optional.of("4000"), load("PROXY_PORT=4000\n", Map.of()).get("PROXY_PORT"));
  }

  @Test
  void realEnvironmentWinsOverDotEnv() throws IOException {
    Environment env = load("PROXY_PORT=4000\nHOST=0.0.0.0\n", Map.of("PROXY_PORT", "5000"));

    assertEquals(Optional.of("5000"), env.get("PROXY_PORT"));
    assertEquals(Optional.of("0.0.0.0"), env.get("HOST"));
  }

  @Test
  void missingDotEnvUsesEnvironmentOnly() throws IOException {
    Environment env = Environment.load(directory, Map.of("HOST", "127.0.0.1"));

    assertEquals(Optional.of("127.0.0.1"), env.get("HOST"));
  }

  @Test
  void unsetVariableIsEmpty() {
    assertEquals(Optional.empty(), new Environment(Map.of()).get("HOST"));
  }

  @Test
  void blankValueCountsAsUnset() {
    assertEquals(Optional.empty(), of("HOST", "   ").get("HOST"));
  }

  @Test
  void valueIsStripped() {
    assertEquals(Optional.of("db"), of("HOST", "  db \n").get("HOST"));
  }

  @Test
  void defaultIsUsedWhenUnset() {
    assertEquals("127.0.0.1", new Environment(Map.of()).get("HOST", "127.0.0.1"));
  }

  @Test
  void defaultIsIgnoredWhenSet() {
    assertEquals("db", of("HOST", "db").get("HOST", "127.0.0.1"));
  }

  @Test
  void integerIsParsed() {
    assertEquals(4000, of("PORT", " 4000 ").integer("PORT", 3000, 1, 65535));
  }

  @Test
  void integerDefaultWhenUnset() {
    assertEquals(3000, new Environment(Map.of()).integer("PORT", 3000, 1, 65535));
  }

  @Test
  void integerBoundsAreInclusive() {
    assertEquals(1, of("PORT", "1").integer("PORT", 3000, 1, 65535));
    assertEquals(65535, of("PORT", "65535").integer("PORT", 3000, 1, 65535));
  }

  @Test
  void nonIntegerErrorNamesVariable() {
    for (String value : new String[] {"abc", "3.5", "3000x", "99999999999"}) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> of("PROXY_PORT", value).integer("PROXY_PORT", 3000, 1, 65535));

      assertTrue(error.getMessage().startsWith("PROXY_PORT=" + value), error.getMessage());
    }
  }

  @Test
  void outOfRangeErrorNamesVariableAndRange() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> of("PROXY_PORT", "70000").integer("PROXY_PORT", 3000, 1, 65535));

    assertTrue(error.getMessage().contains("PROXY_PORT=70000"), error.getMessage());
    assertTrue(error.getMessage().contains("1 to 65535"), error.getMessage());
  }

  @Test
  void negativeBelowRangeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> of("PORT", "-1").integer("PORT", 3000, 1, 65535));
  }

  @Test
  void environmentIsImmutableCopy() {
    Map<String, String> values = new HashMap<>(Map.of("HOST", "a"));
    Environment env = new Environment(values);

    values.put("HOST", "b");

    assertEquals(Optional.of("a"), env.get("HOST"));
  }
}
