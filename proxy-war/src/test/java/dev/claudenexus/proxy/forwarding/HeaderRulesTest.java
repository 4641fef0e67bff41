package dev.claudenexus.proxy.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeaderRulesTest {

  private static final List<String> HOP_BY_HOP = List.of(
      "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
      "proxy-authorization", "proxy-authenticate", "proxy-connection");

  @Test
  void hopByHopNotForwardedUpstream() {
    for (String name : HOP_BY_HOP) {
      assertFalse(HeaderRules.forwardUpstream(name, Set.of()), name);
    }
  }

  @Test
  void hopByHopNotReturnedToClient() {
    for (String name : HOP_BY_HOP) {
      assertFalse(HeaderRules.returnToClient(name, Set.of()), name);
    }
  }

  @Test
  void connectionTokensAreLowerCased() {
    assertEquals(Set.of("x-trace", "keep-alive", "x-other"),
        HeaderRules.connectionTokens(List.of("X-Trace, Keep-Alive", " ,x-OTHER ,")));
  }

  @Test
  void noConnectionValuesGiveNoTokens() {
    assertEquals(Set.of(), HeaderRules.connectionTokens(List.of()));
  }

  @Test
  void connectionNamedHeaderNotForwarded() {
    Set<String> tokens = HeaderRules.connectionTokens(List.of("X-Trace"));

    assertFalse(HeaderRules.forwardUpstream("x-trace", tokens));
  }

  @Test
  void connectionNamedHeaderNotReturned() {
    Set<String> tokens = HeaderRules.connectionTokens(List.of("x-upstream-debug"));

    assertFalse(HeaderRules.returnToClient("x-upstream-debug", tokens));
  }

  @Test
  void clientCredentialsNotForwarded() {
    for (String name : List.of("authorization", "x-api-key", "cookie", "x-dashboard-key")) {
      assertFalse(HeaderRules.forwardUpstream(name, Set.of()), name);
    }
  }

  @Test
  void proxySetHeadersNotForwarded() {
    for (String name : List.of("host", "content-length", "expect", "accept-encoding")) {
      assertFalse(HeaderRules.forwardUpstream(name, Set.of()), name);
    }
  }

  @Test
  void forwardingHeadersNotForwarded() {
    for (String name : List.of("forwarded", "x-forwarded-for", "x-forwarded-host",
        "x-forwarded-proto", "x-real-ip")) {
      assertFalse(HeaderRules.forwardUpstream(name, Set.of()), name);
    }
  }

  @Test
  void apiHeadersAreForwarded() {
    for (String name : List.of("anthropic-version", "anthropic-beta", "content-type", "user-agent",
        "x-stainless-lang", "accept")) {
      assertTrue(HeaderRules.forwardUpstream(name, Set.of()), name);
    }
  }

  @Test
  void contentLengthNotReturned() {
    assertFalse(HeaderRules.returnToClient("content-length", Set.of()));
  }

  @Test
  void setCookieNotReturned() {
    assertFalse(HeaderRules.returnToClient("set-cookie", Set.of()));
  }

  @Test
  void responseHeadersAreReturned() {
    for (String name : List.of("content-type", "request-id", "retry-after", "content-encoding",
        "anthropic-ratelimit-requests-remaining")) {
      assertTrue(HeaderRules.returnToClient(name, Set.of()), name);
    }
  }

  @Test
  void secretsAreNotStorable() {
    for (String name : List.of("authorization", "x-api-key", "cookie", "set-cookie",
        "x-dashboard-key", "proxy-authorization")) {
      assertFalse(HeaderRules.storable(name), name);
    }
  }

  @Test
  void hopByHopNotStorable() {
    for (String name : HOP_BY_HOP) {
      assertFalse(HeaderRules.storable(name), name);
    }
  }

  @Test
  void ordinaryHeadersAreStorable() {
    for (String name : List.of("anthropic-version", "anthropic-beta", "content-type", "request-id",
        "user-agent")) {
      assertTrue(HeaderRules.storable(name), name);
    }
  }
}
