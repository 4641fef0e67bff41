package dev.claudenexus.proxy.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContentMemoryTest {

  @Test
  void repeatedContentReportedUnchanged() {
    ContentMemory memory = new ContentMemory(10);

    assertTrue(memory.replace("a.example.com", "text"));
    assertFalse(memory.replace("a.example.com", "text"));
  }

  @Test
  void memoryBoundedToMaxDomains() {
    ContentMemory memory = new ContentMemory(1000);
    for (int i = 0; i < 1500; i++) {
      memory.replace("domain" + i, "text");
    }

    assertEquals(1000, memory.size());
  }

  @Test
  void eldestDomainForgottenFirst() {
    ContentMemory memory = new ContentMemory(2);
    memory.replace("first", "text");
    memory.replace("second", "text");
    memory.replace("third", "text");

    assertTrue(memory.replace("first", "text"), "the first domain was forgotten");
    assertFalse(memory.replace("third", "text"), "the third domain is remembered");
  }
}
