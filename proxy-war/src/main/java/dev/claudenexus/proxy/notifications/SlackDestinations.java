package dev.claudenexus.proxy.notifications;

import dev.claudenexus.credentials.SlackWebhook;
import dev.claudenexus.proxy.outbound.EndpointUrls;
import dev.claudenexus.proxy.outbound.RateLimitedLog;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Chooses the webhook of a domain: the enabled {@code slack} object of its credential file, else the
 * global webhook. A domain webhook whose URL is not {@code https://} (or loopback {@code http://})
 * is ignored with a warning, so that domain's messages go to the global webhook.
 */
final class SlackDestinations {

  private static final Logger LOG = Logger.getLogger(SlackDestinations.class.getName());

  private final Optional<SlackDestination> global;
  private final Function<String, Optional<SlackWebhook>> domainWebhooks;
  private final String defaultUsername;
  private final String defaultIconEmoji;
  private final RateLimitedLog invalidWebhookWarning = new RateLimitedLog(LOG, Duration.ofMinutes(1));

  /**
   * Creates the chooser.
   *
   * @param global the global destination, or empty when there is none
   * @param domainWebhooks returns the enabled webhook of a domain's credential file
   * @param defaultUsername sender name for domain webhooks that name none
   * @param defaultIconEmoji sender icon for domain webhooks that name none
   */
  SlackDestinations(Optional<SlackDestination> global,
      Function<String, Optional<SlackWebhook>> domainWebhooks, String defaultUsername,
      String defaultIconEmoji) {
    this.global = global;
    this.domainWebhooks = domainWebhooks;
    this.defaultUsername = defaultUsername;
    this.defaultIconEmoji = defaultIconEmoji;
  }

  /** Returns where the domain's messages go, or empty when nowhere. */
  Optional<SlackDestination> forDomain(String domain) {
    Optional<SlackWebhook> own = domainWebhooks.apply(domain).filter(SlackWebhook::enabled);
    if (own.isPresent()) {
      SlackWebhook webhook = own.get();
      try {
        URI url = EndpointUrls.secure(webhook.webhookUrl());
        return Optional.of(new SlackDestination(url, webhook.channel(),
            webhook.username() != null ? webhook.username() : defaultUsername,
            webhook.iconEmoji() != null ? webhook.iconEmoji() : defaultIconEmoji));
      } catch (IllegalArgumentException e) {
        invalidWebhookWarning.warning("The Slack webhook in the credential file of domain " + domain
            + " is ignored: " + e.getMessage());
      }
    }
    return global;
  }
}
