package dev.claudenexus.testsupport.claudecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompactionTest {

  @Test
  void sampleResponseWrapsLongSummary() {
    String response = Compaction.sampleResponse("ledger", "tag-3");

    assertTrue(response.startsWith("<analysis>\n"));
    assertTrue(response.contains("</analysis>\n\n<summary>\n1. Primary Request and Intent:"));
    assertTrue(response.endsWith("</summary>"));
    assertTrue(Compaction.summaryOf(response).length() > 2000, "the summary exceeds a 2,000-character probe");
    assertTrue(Compaction.summaryOf(response).contains("session tag tag-3"));
  }

  @Test
  void summaryOfStripsTags() {
    assertEquals("short summary", Compaction.summaryOf(Compaction.response("why", "  short summary\n")));
  }

  @Test
  void summaryOfRejectsMissingTags() {
    assertThrows(IllegalArgumentException.class, () -> Compaction.summaryOf("<analysis>only</analysis>"));
  }

  @Test
  void continuationMessageOrdersParts() {
    String message = Compaction.continuationMessage("the summary", "/home/dev/.claude/x.jsonl");

    int summary = message.indexOf("Summary:\nthe summary\n\n");
    int details = message.indexOf(Compaction.DETAILS_MARKER);
    int resume = message.indexOf(Compaction.CONTINUE_MARKER);

    assertTrue(message.startsWith(Compaction.PREAMBLE + "\n\n"));
    assertTrue(summary > 0, message);
    assertTrue(details > summary, message);
    assertTrue(resume > details, message);
  }
}
