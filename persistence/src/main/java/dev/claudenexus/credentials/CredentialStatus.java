package dev.claudenexus.credentials;

import java.time.Duration;

/** Describes a valid credential file in a few words: type, expiry, refresh token and client key. */
public final class CredentialStatus {

  static final long EXPIRING_SOON_MS = Duration.ofHours(1).toMillis();

  private CredentialStatus() {}

  public static String of(CredentialFile file, long nowMillis) {
    StringBuilder status = new StringBuilder();
    if (CredentialFile.TYPE_OAUTH.equals(file.type())) {
      OAuthTokens oauth = file.oauth();
      if (oauth.expiresWithin(0, nowMillis)) {
        status.append("expired (oauth)");
      } else if (oauth.expiresWithin(EXPIRING_SOON_MS, nowMillis)) {
        status.append("expiring soon (oauth, in ")
            .append(Duration.ofMillis(oauth.expiresAtMillis() - nowMillis).toMinutes()).append(" min)");
      } else {
        status.append("valid (oauth)");
      }
      if (oauth.refreshToken() == null) {
        status.append(", missing refresh token");
      }
    } else {
      status.append("valid (api_key)");
    }
    status.append(file.accountId() == null ? ", no accountId" : ", account " + file.accountId());
    status.append(file.clientKey().isPresent() ? ", client key present" : ", no client key");
    return status.toString();
  }
}
