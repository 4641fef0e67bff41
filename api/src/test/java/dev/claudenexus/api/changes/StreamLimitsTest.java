package dev.claudenexus.api.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamLimitsTest {

  private final StreamLimits limits = new StreamLimits(5, 2);

  private static int status(Throwable failure) {
    return ((StreamLimits.LimitReached) failure).status;
  }

  @Test
  void anonymousClientGetsItsShare() {
    limits.open("192.0.2.1");
    limits.open("192.0.2.1");

    assertThatThrownBy(() -> limits.open("192.0.2.1"))
        .isInstanceOf(StreamLimits.LimitReached.class)
        .satisfies(failure -> assertThat(status(failure)).isEqualTo(429));
    assertThat(limits.open("192.0.2.2")).isNotNull();
    assertThat(limits.openStreams()).isEqualTo(3);
  }

  @Test
  void releasedStreamFreesItsPlace() {
    StreamLimits.Lease first = limits.open("192.0.2.1");
    limits.open("192.0.2.1");
    first.release();
    first.release();

    assertThat(limits.open("192.0.2.1")).isNotNull();
    assertThat(limits.openStreams()).isEqualTo(2);
  }

  @Test
  void authenticatedCallersShareTheTotal() {
    List<StreamLimits.Lease> leases = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      leases.add(limits.open((String) null));
    }

    assertThatThrownBy(() -> limits.open((String) null))
        .isInstanceOf(StreamLimits.LimitReached.class)
        .satisfies(failure -> assertThat(status(failure)).isEqualTo(503));
    leases.get(0).release();
    assertThat(limits.open((String) null)).isNotNull();
  }

  @Test
  void rejectedClientDoesNotCount() {
    limits.open("192.0.2.1");
    limits.open("192.0.2.1");
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> limits.open("192.0.2.1")).isInstanceOf(StreamLimits.LimitReached.class);
    }

    assertThat(limits.openStreams()).isEqualTo(2);
  }

  @Test
  void rejectionSaysWhatToDo() {
    limits.open("192.0.2.1");
    limits.open("192.0.2.1");

    assertThatThrownBy(() -> limits.open("192.0.2.1"))
        .hasMessageContaining("2 event streams open")
        .hasMessageContaining("retry after 30 s");
  }
}
