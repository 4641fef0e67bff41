package dev.claudenexus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code LINK_PARENT_WAIT_MS} as the storage writer reads it when the launcher did not check it. */
class StorageWriterParentWaitTest {

  @ParameterizedTest
  @CsvSource({"0, 0", "1, 1", "1000, 1000", "10000, 10000"})
  void valueInRangeIsUsed(long millis, long expectedMillis) {
    assertThat(StorageWriter.parentWait(millis)).isEqualTo(Duration.ofMillis(expectedMillis));
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, -10_000, 10_001, Long.MAX_VALUE, Long.MIN_VALUE})
  void valueOutOfRangeTurnsWaitOff(long millis) {
    assertThat(StorageWriter.parentWait(millis)).isEqualTo(Duration.ZERO);
  }
}
