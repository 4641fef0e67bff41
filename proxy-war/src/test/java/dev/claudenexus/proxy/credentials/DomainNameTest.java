package dev.claudenexus.proxy.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainNameTest {

  private static void assertDomain(String expected, String host) {
    assertEquals(Optional.of(expected), DomainName.fromHost(host), "Host: " + host);
  }

  private static void assertNoDomain(String host) {
    assertEquals(Optional.empty(), DomainName.fromHost(host), "Host: " + host);
  }

  @Test
  void nameIsLowerCased() {
    assertDomain("api.example.com", "API.Example.COM");
  }

  @Test
  void surroundingWhitespaceIsStripped() {
    assertDomain("example.com", "  example.com\t");
  }

  @Test
  void portIsDroppedForNames() {
    assertDomain("example.com", "Example.com:8443");
  }

  @Test
  void portIsKeptForLocalhost() {
    assertDomain("localhost:3000", "LOCALHOST:3000");
  }

  @Test
  void localhostWithoutPortStaysBare() {
    assertDomain("localhost", "localhost");
  }

  @Test
  void portIsKeptForIpv4() {
    assertDomain("127.0.0.1:3000", "127.0.0.1:3000");
  }

  @Test
  void ipv4WithoutPortIsKept() {
    assertDomain("10.1.2.3", "10.1.2.3");
  }

  @Test
  void ipv6LiteralKeepsPort() {
    assertDomain("[::1]:3000", "[::1]:3000");
  }

  @Test
  void ipv6LiteralIsLowerCased() {
    assertDomain("[fe80::abcd]", "[FE80::ABCD]");
  }

  @Test
  void malformedIpv6IsRejected() {
    for (String host : List.of("[::1", "[::1]x", "[::1]:", "[::1]:abc", "[]", "[a.b-c]", "::1", "fe80::1")) {
      assertNoDomain(host);
    }
  }

  @Test
  void punycodeNameIsAccepted() {
    assertDomain("xn--mnchen-3ya.example", "xn--mnchen-3ya.example:443");
  }

  @Test
  void nullHasNoDomain() {
    assertNoDomain(null);
  }

  @Test
  void emptyHasNoDomain() {
    assertNoDomain("");
  }

  @Test
  void blankHasNoDomain() {
    assertNoDomain("   ");
  }

  @Test
  void portWithoutNameIsRejected() {
    assertNoDomain(":3000");
  }

  @Test
  void invalidPortIsRejected() {
    for (String host : List.of("example.com:", "example.com:http", "localhost:30a0", "a.b:1:2",
        "localhost:123456")) {
      assertNoDomain(host);
    }
  }

  @Test
  void nameOf255CharactersIsAccepted() {
    String host = "a".repeat(251) + ".com";

    assertDomain(host, host);
  }

  @Test
  void nameOver255CharactersIsRejected() {
    assertNoDomain("a".repeat(252) + ".com");
  }

  @Test
  void hostileValuesAreRejected() {
    List<String> hosts = List.of(
        "../etc", "a/b", "/etc/passwd", "a\\b", "..\\..\\windows", "exa\u0000mple.com",
        "example.com\u0000.evil", "exa mple.com", "example.com\r\nX-Injected: 1", "m\u00fcnchen.de",
        "\u212Aey.com", "\u0130stanbul.tr", "host%2f..", "a_b.com", "user@example.com", "*.example.com");

    for (String host : hosts) {
      assertNoDomain(host);
    }
  }

  @Test
  void dotsAloneAreNotSafeFileNames() {
    Optional<String> domain = DomainName.fromHost("..");

    assertTrue(domain.isEmpty() || !DomainName.isSafeFileName(domain.get()), domain.toString());
  }

  @Test
  void normalisedDomainsAreSafeFileNames() {
    for (String host : List.of("example.com", "localhost:3000", "127.0.0.1:8080", "xn--bcher-kva.de")) {
      String domain = DomainName.fromHost(host).orElseThrow();

      assertTrue(DomainName.isSafeFileName(domain), domain);
    }
  }

  @Test
  void ipv6DomainIsNotSafeFileName() {
    assertFalse(DomainName.isSafeFileName(DomainName.fromHost("[::1]:3000").orElseThrow()));
  }

  @Test
  void safeFileNameRejectsTraversal() {
    for (String domain : List.of("..", "../x", "a/b", "a\\b", "a..b", "/abs", "a b", "a\u0000b", "")) {
      assertFalse(DomainName.isSafeFileName(domain), domain);
    }
  }

  @Test
  void safeFileNameRejectsNull() {
    assertFalse(DomainName.isSafeFileName(null));
  }

  @Test
  void safeFileNameAcceptsHostWithPort() {
    assertTrue(DomainName.isSafeFileName("localhost:3000"));
  }
}
