package dev.claudenexus.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackWebhookParserTest {

  private static final String URL = "https://hooks.slack.com/services/T0/B0/secretpart";

  private static CredentialFile parse(String slackJson) {
    String json = "{'type':'api_key','api_key':'sk-ant-api03-x','slack':" + slackJson + "}";
    return CredentialFileParser.parse("example.com", json.replace('\'', '"'));
  }

  @Test
  void fullSlackObjectParsed() {
    SlackWebhook slack = parse("{'webhook_url':' " + URL + " ','channel':'#ai','username':'Bot',"
        + "'icon_emoji':':fire:','enabled':true}").slack();

    assertEquals(URL, slack.webhookUrl());
    assertEquals("#ai", slack.channel());
    assertEquals("Bot", slack.username());
    assertEquals(":fire:", slack.iconEmoji());
    assertTrue(slack.enabled());
  }

  @Test
  void optionalMembersMayBeAbsent() {
    SlackWebhook slack = parse("{'webhook_url':'" + URL + "'}").slack();

    assertNull(slack.channel());
    assertNull(slack.username());
    assertNull(slack.iconEmoji());
    assertTrue(slack.enabled());
  }

  @Test
  void enabledFalseDisables() {
    CredentialFile file = parse("{'webhook_url':'" + URL + "','enabled':false}");

    assertFalse(file.slack().enabled());
    assertEquals(Optional.empty(), file.enabledSlack());
    assertFalse(parse("{'webhook_url':'" + URL + "','enabled':'false'}").slack().enabled());
  }

  @Test
  void malformedSlackKeepsFileValid() {
    assertNull(parse("'not an object'").slack());
    assertNull(parse("{'channel':'#ai'}").slack());
    assertNull(parse("{'webhook_url':42}").slack());
    assertEquals("sk-ant-api03-x", parse("[1,2]").apiKey());
  }

  @Test
  void mistypedOptionalMembersReadAsAbsent() {
    SlackWebhook slack = parse("{'webhook_url':'" + URL + "','channel':5,'username':null}").slack();

    assertNull(slack.channel());
    assertNull(slack.username());
  }

  @Test
  void toStringHidesWebhookUrl() {
    CredentialFile file = parse("{'webhook_url':'" + URL + "'}");

    assertFalse(file.slack().toString().contains("secretpart"));
    assertFalse(file.toString().contains("secretpart"));
    assertTrue(file.toString().contains("slack=enabled"));
  }
}
