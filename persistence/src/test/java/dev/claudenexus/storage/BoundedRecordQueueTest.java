package dev.claudenexus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedRecordQueueTest {

  private static RequestRecord withBody(int characters) {
    return RecordBuilder.minimal().requestBody("x".repeat(characters)).build();
  }

  @Test
  void countBoundRejectsExtraRecord() {
    BoundedRecordQueue queue = new BoundedRecordQueue(2, 1L << 20);

    assertThat(queue.offer(withBody(10))).isTrue();
    assertThat(queue.offer(withBody(10))).isTrue();
    assertThat(queue.offer(withBody(10))).isFalse();
  }

  @Test
  void byteBoundRejectsLargeRecord() {
    BoundedRecordQueue queue = new BoundedRecordQueue(100, 100_000);

    assertThat(queue.offer(withBody(30_000))).isTrue();
    assertThat(queue.offer(withBody(30_000))).isFalse();
    assertThat(queue.offer(withBody(10))).isTrue();
  }

  @Test
  void recordLargerThanBudgetIsNeverAccepted() {
    BoundedRecordQueue queue = new BoundedRecordQueue(100, 100_000);

    assertThat(queue.offer(withBody(60_000))).isFalse();
    assertThat(queue.bytes()).isZero();
  }

  @Test
  void takingRecordsFreesTheirBytes() throws InterruptedException {
    BoundedRecordQueue queue = new BoundedRecordQueue(100, 1L << 20);
    queue.offer(withBody(1_000));
    queue.offer(withBody(2_000));
    queue.offer(withBody(3_000));

    queue.poll(1, TimeUnit.SECONDS);
    List<RequestRecord> rest = new ArrayList<>();
    queue.drainTo(rest, 10);

    assertThat(rest).hasSize(2);
    assertThat(queue.bytes()).isZero();
  }
}
