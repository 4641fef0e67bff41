package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void parsesFamiliesAndEscapes() {
    PrometheusText text = PrometheusText.parse("""
        # HELP requests_total Requests
        # TYPE requests_total counter
        requests_total{path="/a\\"b",note="x\\ny"} 3.0
        # TYPE latency_seconds histogram
        latency_seconds_bucket{le="+Inf"} 2
        latency_seconds_count 2
        latency_seconds_sum 0.5
        """);

    assertEquals(3.0, text.value("requests_total", Map.of("path", "/a\"b")));
    assertEquals("x\ny", text.find("requests_total", Map.of()).get(0).labels().get("note"));
    assertEquals(2, text.value("latency_seconds_bucket", Map.of("le", "+Inf")));
    assertEquals("histogram", text.type("latency_seconds").orElseThrow());
  }

  @Test
  void undeclaredFamilyRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PrometheusText.parse("orphan_total 1\n"));
    assertTrue(e.getMessage().contains("Line 1"), e.getMessage());
  }

  @Test
  void invalidNamesRejected() {
    assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("# TYPE 1bad gauge\n"));
    assertThrows(IllegalArgumentException.class,
        () -> PrometheusText.parse("# TYPE good gauge\ngood{1x=\"a\"} 1\n"));
  }

  @Test
  void badEscapeRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> PrometheusText.parse("# TYPE good gauge\ngood{a=\"\\t\"} 1\n"));
  }

  @Test
  void duplicateSeriesRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> PrometheusText.parse("# TYPE good gauge\ngood{a=\"1\"} 1\ngood{a=\"1\"} 2\n"));
  }

  @Test
  void nonNumericValueRejected() {
    assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("# TYPE good gauge\ngood one\n"));
  }
}
