package dev.claudenexus.proxy.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.proxy.TestSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackNotifierTest {

  private final Logger logger = Logger.getLogger(SlackNotifier.class.getName());
  private final List<String> warnings = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      warnings.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void attach() {
    logger.addHandler(capture);
  }

  @AfterEach
  void detach() {
    logger.removeHandler(capture);
  }

  private static Optional<SlackDestination> global(Map<String, String> values) {
    SlackNotifier notifier = new SlackNotifier();
    notifier.settings = TestSettings.create(values);
    return notifier.globalDestination();
  }

  @Test
  void httpsWebhookUsedWithDefaults() {
    SlackDestination destination = global(Map.of("SLACK_WEBHOOK_URL", "https://hooks.example.com/T/B/x")).orElseThrow();

    assertEquals(URI.create("https://hooks.example.com/T/B/x"), destination.webhookUrl());
    assertEquals(null, destination.channel());
    assertEquals("Claude Nexus Proxy", destination.username());
    assertEquals(":robot_face:", destination.iconEmoji());
  }

  @Test
  void channelAndSenderFromSettings() {
    SlackDestination destination = global(Map.of("SLACK_WEBHOOK_URL", "https://hooks.example.com/x",
        "SLACK_CHANNEL", "#ai", "SLACK_USERNAME", "Nexus", "SLACK_ICON_EMOJI", ":fire:")).orElseThrow();

    assertEquals("#ai", destination.channel());
    assertEquals("Nexus", destination.username());
    assertEquals(":fire:", destination.iconEmoji());
  }

  @Test
  void insecureWebhookRejectedWithWarning() {
    Optional<SlackDestination> destination = global(Map.of("SLACK_WEBHOOK_URL", "http://hooks.example.com/secret"));

    assertEquals(Optional.empty(), destination);
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).startsWith("SLACK_WEBHOOK_URL is ignored"), warnings.get(0));
    assertFalse(warnings.get(0).contains("secret"), "the warning must not show the URL");
  }

  @Test
  void disabledWebhookUnused() {
    Optional<SlackDestination> destination = global(Map.of("SLACK_WEBHOOK_URL", "https://hooks.example.com/x",
        "SLACK_ENABLED", "false"));

    assertEquals(Optional.empty(), destination);
    assertTrue(warnings.isEmpty());
  }

  @Test
  void enabledWithoutWebhookWarns() {
    assertEquals(Optional.empty(), global(Map.of("SLACK_ENABLED", "true")));
    assertEquals(1, warnings.size());
  }

  @Test
  void noWebhookNoWarning() {
    assertEquals(Optional.empty(), global(Map.of()));
    assertTrue(warnings.isEmpty());
  }
}
