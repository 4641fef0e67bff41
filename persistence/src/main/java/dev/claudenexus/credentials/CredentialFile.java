package dev.claudenexus.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a credential file the proxy uses. {@code toString} never shows a key.
 *
 * @param type {@code api_key} or {@code oauth}
 * @param apiKey the Anthropic API key of an {@code api_key} file, or {@code null}
 * @param oauth the token pair of an {@code oauth} file, or {@code null}
 * @param clientApiKey the key clients of this domain must present, or {@code null}
 * @param slack the domain's Slack webhook, or {@code null} when the file has none
 * @param previousClientKeys replaced client keys that still work until their grace period ends
 */
public record CredentialFile(
    String domain,
    String type,
    String accountId,
    String apiKey,
    OAuthTokens oauth,
    String clientApiKey,
    SlackWebhook slack,
    List<PreviousClientKey> previousClientKeys) {

  /** Suffix of credential file names: {@code <domain>.credentials.json}. */
  public static final String FILE_SUFFIX = ".credentials.json";

  public static final String TYPE_API_KEY = "api_key";
  public static final String TYPE_OAUTH = "oauth";

  /** Creates the credentials of a file without a Slack webhook. */
  public CredentialFile(String domain, String type, String accountId, String apiKey,
      OAuthTokens oauth, String clientApiKey) {
    this(domain, type, accountId, apiKey, oauth, clientApiKey, null);
  }

  /** Creates the credentials of a file without replaced client keys. */
  public CredentialFile(String domain, String type, String accountId, String apiKey,
      OAuthTokens oauth, String clientApiKey, SlackWebhook slack) {
    this(domain, type, accountId, apiKey, oauth, clientApiKey, slack, List.of());
  }

  public CredentialFile {
    previousClientKeys = previousClientKeys == null ? List.of() : List.copyOf(previousClientKeys);
  }

  /** Returns the client keys accepted at {@code nowMillis}: the current one and those still in grace. */
  public List<String> acceptedClientKeys(long nowMillis) {
    List<String> keys = new ArrayList<>();
    clientKey().ifPresent(keys::add);
    for (PreviousClientKey previous : previousClientKeys) {
      if (previous.validUntilMillis() > nowMillis) {
        keys.add(previous.key());
      }
    }
    return keys;
  }

  /** A replaced client key and the end of its grace period, epoch milliseconds. */
  public record PreviousClientKey(String key, long validUntilMillis) {
    @Override
    public String toString() {
      return "PreviousClientKey[validUntil=" + validUntilMillis + "]";
    }
  }

  /** Returns the domain's Slack webhook unless the file has none or disables it. */
  public Optional<SlackWebhook> enabledSlack() {
    return Optional.ofNullable(slack).filter(SlackWebhook::enabled);
  }

  public Optional<String> clientKey() {
    return Optional.ofNullable(clientApiKey).filter(k -> !k.isEmpty());
  }

  @Override
  public String toString() {
    return "CredentialFile[domain="
        + domain
        + ", type="
        + type
        + ", accountId="
        + accountId
        + ", clientKey="
        + (clientKey().isPresent() ? "present" : "absent")
        + ", slack="
        + (slack == null ? "absent" : slack.enabled() ? "enabled" : "disabled")
        + "]";
  }
}
