package dev.claudenexus.proxy.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.claudenexus.pricing.PriceTable;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricLabelsTest {

  private final MetricLabels labels =
      new MetricLabels(PriceTable.bundled(), domain -> domain.equals("team.example.com"));

  @Test
  void configuredDomainKeepsName() {
    assertEquals("team.example.com", labels.domain("team.example.com"));
  }

  @Test
  void unconfiguredDomainIsOther() {
    assertEquals("other", labels.domain("attacker-" + System.nanoTime() + ".example.com"));
    assertEquals("none", labels.domain(null));
  }

  @Test
  void knownModelUsesPriceEntry() {
    assertEquals("claude-sonnet-4", labels.model("claude-sonnet-4-5-20250929"));
    assertEquals("claude-opus-4-1", labels.model("claude-opus-4-1-20250805"));
  }

  @Test
  void modelLabelsStayBounded() {
    Set<String> values = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      values.add(labels.model("hostile-" + i));
      values.add(labels.model("claude-sonnet-4-" + i));
      values.add(labels.model("claude-opus-4-5-2025" + i));
    }

    assertEquals(Set.of("other", "claude-sonnet-4", "claude-opus-4-5"), values);
  }

  @Test
  void missingModelIsNone() {
    assertEquals("none", labels.model(null));
    assertEquals("none", labels.model(" "));
  }

  @Test
  void requestTypeOutsideSetIsOther() {
    assertEquals("inference", MetricLabels.requestType("inference"));
    assertEquals("count_tokens", MetricLabels.requestType("count_tokens"));
    assertEquals("other", MetricLabels.requestType("made-up"));
    assertEquals("other", MetricLabels.requestType(null));
  }

  @Test
  void missingAccountIsNone() {
    assertEquals("acc_1", MetricLabels.account("acc_1"));
    assertEquals("none", MetricLabels.account(null));
  }
}
