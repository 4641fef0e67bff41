package dev.claudenexus.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

class CachedReadsTest {

  private static MultivaluedMap<String, String> query(String... pairs) {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      query.add(pairs[i], pairs[i + 1]);
    }
    return query;
  }

  @Test
  void keySortsParametersByName() {
    assertThat(CachedReads.key("stats", query("since", "x", "domain", "d")))
        .isEqualTo(CachedReads.key("stats", query("domain", "d", "since", "x")))
        .isEqualTo("stats?domain=d&since=x");
  }

  @Test
  void keyKeepsRepeatedValuesInOrder() {
    assertThat(CachedReads.key("costs", query("groupBy", "model", "groupBy", "day")))
        .isEqualTo("costs?groupBy=model&groupBy=day")
        .isNotEqualTo(CachedReads.key("costs", query("groupBy", "day", "groupBy", "model")));
  }

  @Test
  void valuesCannotForgeAnotherKey() {
    String forged = CachedReads.key("requests", query("domain", "a&limit=5"));
    String real = CachedReads.key("requests", query("domain", "a", "limit", "5"));

    assertThat(forged).isNotEqualTo(real);
  }

  @Test
  void pathWithoutQueryIsItsOwnKey() {
    assertThat(CachedReads.key("domains", query())).isEqualTo("domains");
  }
}
