package dev.claudenexus.proxy.notifications;

import java.net.URI;

/**
 * The webhook a Slack message goes to, and the sender's channel, name and icon. {@code toString}
 * omits the URL, because a webhook URL is itself the secret.
 *
 * @param channel the channel, or null for the webhook's default
 */
record SlackDestination(URI webhookUrl, String channel, String username, String iconEmoji) {

  @Override
  public String toString() {
    return "SlackDestination[channel=" + channel + ", username=" + username + "]";
  }
}
