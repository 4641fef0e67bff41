package dev.claudenexus.proxy.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SampleScrubberTest {

  @Test
  void anthropicKeyMasked() {
    assertEquals("key sk-ant-****", SampleScrubber.scrub("key sk-ant-api03-abc"));
  }

  @Test
  void bearerTokenMasked() {
    assertEquals("Bearer ****", SampleScrubber.scrub("Bearer abc.def"));
  }

  @Test
  void clientKeyMasked() {
    assertEquals("cnp_****", SampleScrubber.scrub("cnp_live_abc"));
  }

  @Test
  void emailReplaced() {
    assertEquals("write to [EMAIL], thanks", SampleScrubber.scrub("write to jane.doe+ai@mail.example.co.uk, thanks"));
  }

  @Test
  void emailAtEndOfSentenceKeepsPeriod() {
    assertEquals("mail [EMAIL].", SampleScrubber.scrub("mail a@b.example.org."));
  }

  @Test
  void atSignWithoutAddressKept() {
    assertEquals("@decorator and a@b and x@y.1", SampleScrubber.scrub("@decorator and a@b and x@y.1"));
  }

  @Test
  void severalEmailsReplaced() {
    assertEquals("[EMAIL];[EMAIL]", SampleScrubber.scrub("a@x.io;b@y.io"));
  }

  @Test
  void cardNumbersReplaced() {
    assertEquals("card [CARD]", SampleScrubber.scrub("card 4111111111111111"));
    assertEquals("card [CARD]", SampleScrubber.scrub("card 4111 1111 1111 1111"));
    assertEquals("card [CARD]", SampleScrubber.scrub("card 4111-1111-1111-1111"));
  }

  @Test
  void otherDigitRunsKept() {
    assertEquals("id 41111111111111112", SampleScrubber.scrub("id 41111111111111112"));
    assertEquals("4111 1111-1111 1111", SampleScrubber.scrub("4111 1111-1111 1111"));
  }

  @Test
  void socialSecurityNumberReplaced() {
    assertEquals("ssn [SSN]", SampleScrubber.scrub("ssn 123-45-6789"));
  }

  @Test
  void nullStaysNull() {
    assertNull(SampleScrubber.scrub((String) null));
  }

  @Test
  void jsonStringsScrubbedNamesKept() {
    JsonObject json = JsonProvider.provider().createReader(new StringReader(
        "{\"a@b.com\":\"x@y.com\",\"n\":[\"123-45-6789\",1,true,null],\"o\":{\"k\":\"sk-ant-api03-z\"}}"))
        .readObject();

    assertEquals("{\"a@b.com\":\"[EMAIL]\",\"n\":[\"[SSN]\",1,true,null],\"o\":{\"k\":\"sk-ant-****\"}}",
        SampleScrubber.scrub(json).toString());
  }

  @Test
  void longTextWithoutAddressesScrubbed() {
    // A long run of address characters is the worst case for a backtracking e-mail pattern.
    String text = "a".repeat(2_000_000) + "@" + "b".repeat(1_000_000);

    assertEquals(text, SampleScrubber.scrub(text));
  }
}
