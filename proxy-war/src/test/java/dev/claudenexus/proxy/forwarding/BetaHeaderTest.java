package dev.claudenexus.proxy.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class BetaHeaderTest {

  @Test
  void clientFlagsComeFirst() {
    assertEquals("b-1,a-2,oauth-2025-04-20",
        BetaHeader.merge(List.of("b-1,a-2"), "oauth-2025-04-20"));
  }

  @Test
  void addedFlagsKeepTheirOrder() {
    assertEquals("c,x,y", BetaHeader.merge(List.of("c"), "x", "y"));
  }

  @Test
  void duplicatesAppearOnce() {
    assertEquals("a,b", BetaHeader.merge(List.of("a,b,a"), "b", "a"));
  }

  @Test
  void whitespaceAroundFlagsIsRemoved() {
    assertEquals("a,b,c", BetaHeader.merge(List.of("  a ,\tb,  c  "), "a"));
  }

  @Test
  void emptyFlagsAreSkipped() {
    assertEquals("a,b", BetaHeader.merge(List.of(",a,, ,b,")));
  }

  @Test
  void multipleHeaderValuesAreJoined() {
    assertEquals("a,b,c,d", BetaHeader.merge(List.of("a,b", "c", "b, d")));
  }

  @Test
  void nullClientValuesUseAddedOnly() {
    assertEquals("x", BetaHeader.merge(null, "x"));
  }

  @Test
  void noFlagsGiveNull() {
    assertNull(BetaHeader.merge(null));
  }

  @Test
  void blankClientValuesGiveNull() {
    assertNull(BetaHeader.merge(List.of("", " , ")));
  }

  @Test
  void clientFlagsAloneArePassedThrough() {
    assertEquals("a", BetaHeader.merge(List.of("a")));
  }
}
