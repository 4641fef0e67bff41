package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsadminSyntaxTest {

  @Test
  void plainValueIsUnchanged() {
    assertEquals("localhost", AsadminSyntax.escapeValue("localhost"));
  }

  @Test
  void colonIsEscaped() {
    assertEquals("a\\:b", AsadminSyntax.escapeValue("a:b"));
  }

  @Test
  void equalsIsEscaped() {
    assertEquals("a\\=b", AsadminSyntax.escapeValue("a=b"));
  }

  @Test
  void backslashIsEscaped() {
    assertEquals("a\\\\b", AsadminSyntax.escapeValue("a\\b"));
  }

  @Test
  void mixedSpecialCharactersAreEscaped() {
    assertEquals("jdbc\\:h2\\:file\\:/d;AUTO_SERVER\\=TRUE\\\\\\:",
        AsadminSyntax.escapeValue("jdbc:h2:file:/d;AUTO_SERVER=TRUE\\:"));
  }

  @Test
  void emptyValueStaysEmpty() {
    assertEquals("", AsadminSyntax.escapeValue(""));
  }

  @Test
  void propertiesAreJoinedInOrder() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("serverName", "db");
    properties.put("portNumber", "5432");
    properties.put("password", "p:w=d");

    assertEquals("serverName=db:portNumber=5432:password=p\\:w\\=d", AsadminSyntax.properties(properties));
  }

  @Test
  void plainArgumentsAreNotQuoted() {
    assertEquals("create-jdbc-resource --connectionpoolid NexusPool jdbc/nexus",
        AsadminSyntax.command(List.of("create-jdbc-resource", "--connectionpoolid", "NexusPool", "jdbc/nexus")));
  }

  @Test
  void argumentWithSpaceIsQuoted() {
    assertEquals("set \"a b\"", AsadminSyntax.command(List.of("set", "a b")));
  }

  @Test
  void argumentWithTabIsQuoted() {
    assertEquals("set \"a\tb\"", AsadminSyntax.command(List.of("set", "a\tb")));
  }

  @Test
  void quoteInArgumentIsEscaped() {
    assertEquals("set \"say \\\"hi\\\"\"", AsadminSyntax.command(List.of("set", "say \"hi\"")));
  }

  @Test
  void backslashInQuotedArgumentIsKept() {
    assertEquals("set \"a \\ b\"", AsadminSyntax.command(List.of("set", "a \\ b")));
  }

  @Test
  void singleQuoteIsEscapedAndQuoted() {
    assertEquals("set \"it\\'s\"", AsadminSyntax.command(List.of("set", "it's")));
  }

  @Test
  void quotedPropertyListKeepsEscapes() {
    String properties = AsadminSyntax.properties(Map.of("password", "a b\\c:d\"e"));

    assertEquals("--property \"password=a b\\\\c\\:d\\\"e\"",
        AsadminSyntax.command(List.of("--property", properties)));
  }

  @Test
  void lineBreakIsRejected() {
    for (String argument : List.of("a\nb", "a\rb")) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> AsadminSyntax.command(List.of("set", argument)));

      assertFalse(error.getMessage().contains(argument), error.getMessage());
    }
  }

  @Test
  void backslashInPlainArgumentIsKept() {
    assertEquals("set a\\:b", AsadminSyntax.command(List.of("set", "a\\:b")));
  }

  @Test
  void emptyArgumentIsQuoted() {
    assertEquals("set \"\"", AsadminSyntax.command(List.of("set", "")));
  }

  @Test
  void multimodeDoublesBackslashes() {
    assertEquals("set a\\\\:b", AsadminSyntax.multimodeCommand(List.of("set", "a\\:b")));
  }

  @Test
  void multimodeQuotesWhitespaceAndEscapesQuotes() {
    assertEquals("deploy \"/srv/my apps/x\\\"y\\'z.war\"",
        AsadminSyntax.multimodeCommand(List.of("deploy", "/srv/my apps/x\"y'z.war")));
  }

  @Test
  void multimodeQuotesEmptyArgument() {
    assertEquals("set \"\"", AsadminSyntax.multimodeCommand(List.of("set", "")));
  }

  @Test
  void multimodeRejectsLineBreak() {
    for (String argument : List.of("a\nb", "a\rb")) {
      assertThrows(IllegalArgumentException.class,
          () -> AsadminSyntax.multimodeCommand(List.of("set", argument)));
    }
  }
}
