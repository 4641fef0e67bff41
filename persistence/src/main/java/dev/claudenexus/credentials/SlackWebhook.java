package dev.claudenexus.credentials;

/**
 * The {@code slack} object of a credential file: where the domain's notifications go. {@code
 * toString} never shows the URL, because a Slack webhook URL is itself the secret.
 *
 * @param webhookUrl the webhook URL as written in the file, not yet checked
 * @param channel the channel to post to, or null for the webhook's default
 * @param username the sender name, or null for the global setting
 * @param iconEmoji the sender icon such as {@code :robot_face:}, or null for the global setting
 * @param enabled false when the file contains {@code "enabled": false}
 */
public record SlackWebhook(
    String webhookUrl, String channel, String username, String iconEmoji, boolean enabled) {

  @Override
  public String toString() {
    return "SlackWebhook[channel=" + channel + ", enabled=" + enabled + "]";
  }
}
