package dev.claudenexus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeByStartTest {

  /** Returns a record that started {@code seconds} after {@link RecordBuilder#START}. */
  private static RequestRecord at(long seconds) {
    return RecordBuilder.minimal().timestamp(RecordBuilder.START.plusSeconds(seconds)).build();
  }

  private static List<RequestRecord> merge(List<RequestRecord> journaled, List<RequestRecord> fresh,
      int expectedFreshTaken) {
    List<RequestRecord> merged = new ArrayList<>();
    assertThat(BatchInserter.mergeByStart(journaled, fresh, merged)).isEqualTo(expectedFreshTaken);
    return merged;
  }

  @Test
  void olderFreshRecordsGoFirst() {
    RequestRecord fresh1 = at(1);
    RequestRecord fresh2 = at(2);
    RequestRecord journaled = at(3);

    assertThat(merge(List.of(journaled), List.of(fresh1, fresh2), 2))
        .containsExactly(fresh1, fresh2, journaled);
  }

  @Test
  void newerFreshRecordsWait() {
    RequestRecord journaled1 = at(1);
    RequestRecord journaled2 = at(2);

    assertThat(merge(List.of(journaled1, journaled2), List.of(at(5)), 0))
        .containsExactly(journaled1, journaled2);
  }

  @Test
  void interleavedRecordsKeepStartOrder() {
    RequestRecord journaled1 = at(1);
    RequestRecord fresh2 = at(2);
    RequestRecord journaled3 = at(3);
    RequestRecord fresh4 = at(4);
    RequestRecord journaled5 = at(5);
    RequestRecord fresh6 = at(6);

    assertThat(merge(List.of(journaled1, journaled3, journaled5), List.of(fresh2, fresh4, fresh6), 2))
        .containsExactly(journaled1, fresh2, journaled3, fresh4, journaled5);
  }

  @Test
  void equalStartKeepsJournalFirst() {
    RequestRecord journaled = at(1);
    RequestRecord fresh = at(1);

    assertThat(merge(List.of(journaled), List.of(fresh), 0)).containsExactly(journaled);
  }

  @Test
  void freshOrderIsKept() {
    // A late starter ahead in the queue holds back the records behind it.
    RequestRecord lateStart = at(4);
    RequestRecord earlyStart = at(1);
    RequestRecord journaled = at(3);

    assertThat(merge(List.of(journaled), List.of(lateStart, earlyStart), 0))
        .containsExactly(journaled);
  }

  @Test
  void noFreshRecords() {
    RequestRecord journaled = at(1);

    assertThat(merge(List.of(journaled), List.of(), 0)).containsExactly(journaled);
  }
}
