package dev.claudenexus.proxy.oauth;

import dev.claudenexus.proxy.ProxySettings;
import dev.claudenexus.credentials.CredentialFile;
import dev.claudenexus.proxy.credentials.CredentialStore;
import dev.claudenexus.credentials.OAuthTokens;
import dev.claudenexus.storage.DataSources;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps OAuth access tokens valid. A token that expires within {@link #REFRESH_MARGIN_MS} is refreshed
 * before use, one refresh at a time per domain: concurrent requests wait for the refresh in progress.
 * After a failed refresh the domain backs off (5 s doubling to 5 min) instead of calling the token
 * endpoint for every request.
 */
@ApplicationScoped
public class OAuthRefresher {

  /** How long before expiry a token is refreshed. */
  public static final long REFRESH_MARGIN_MS = 60_000;

  private static final Logger LOG = Logger.getLogger(OAuthRefresher.class.getName());
  private static final long WAIT_SECONDS = 60;

  @Inject ProxySettings settings;
  @Inject CredentialStore credentials;
  @Inject OAuthMetrics metrics;

  TokenEndpoint endpoint;
  SharedTokenStore shared;
  LongSupplier clock = System::currentTimeMillis;
  private final ConcurrentMap<String, CompletableFuture<OAuthTokens>> inFlight = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Backoff> backoffs = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    endpoint = new TokenEndpoint(settings.oauthTokenUrl(), settings.oauthClientId());
    TokenCipher cipher = settings.oauthTokenEncryptionKey()
        .map(key -> TokenCipher.fromBase64("OAUTH_TOKEN_ENCRYPTION_KEY", key))
        .orElse(null);
    if (cipher == null) {
      LOG.info("OAUTH_TOKEN_ENCRYPTION_KEY is not set: OAuth token pairs are kept in the credential"
          + " files only, so proxy instances share them only through a shared credentials directory");
    }
    shared = new SharedTokenStore(DataSources::nexus, cipher);
  }

  /**
   * Returns a valid access token of an {@code oauth} credential file, refreshing it first when needed.
   *
   * @throws OAuthRefreshException when the token expires and cannot be refreshed
   */
  public String accessToken(CredentialFile file) throws OAuthRefreshException {
    OAuthTokens tokens = file.oauth();
    if (!tokens.expiresWithin(REFRESH_MARGIN_MS, clock.getAsLong())) {
      return tokens.accessToken();
    }
    return refresh(file.domain(), REFRESH_MARGIN_MS).accessToken();
  }

  /**
   * Refreshes a domain's token pair unless it is valid for longer than {@code marginMillis}.
   *
   * @throws OAuthRefreshException when the refresh fails or the domain is backing off
   */
  OAuthTokens refresh(String domain, long marginMillis) throws OAuthRefreshException {
    Backoff backoff = backoffs.get(domain);
    if (backoff != null && clock.getAsLong() < backoff.retryAtMillis()) {
      throw new OAuthRefreshException(backoff.message(), backoff.reauthenticationRequired(), null);
    }
    CompletableFuture<OAuthTokens> mine = new CompletableFuture<>();
    CompletableFuture<OAuthTokens> running = inFlight.putIfAbsent(domain, mine);
    if (running != null) {
      metrics.waited();
      return await(running);
    }
    try {
      OAuthTokens tokens = refreshNow(domain, marginMillis);
      mine.complete(tokens);
      return tokens;
    } catch (OAuthRefreshException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(domain, mine);
    }
  }

  private OAuthTokens refreshNow(String domain, long marginMillis) throws OAuthRefreshException {
    return shared.withLock(domain, session -> refreshLocked(domain, marginMillis, session));
  }

  private OAuthTokens refreshLocked(String domain, long marginMillis, SharedTokenStore.Session session)
      throws OAuthRefreshException {
    // The pair may have been refreshed since the caller read it: by another thread, by another process
    // that shares the credentials directory, or by another instance that shares the database.
    credentials.invalidate(domain);
    OAuthTokens current = credentials.forDomain(domain).map(CredentialFile::oauth).orElse(null);
    if (current == null) {
      throw new OAuthRefreshException("Domain \"" + domain + "\" has no OAuth credential file", false, null);
    }
    Optional<RefreshedTokens> stored = session.read();
    if (stored.isPresent() && stored.get().expiresAtMillis() > current.expiresAtMillis()) {
      current = adopt(domain, stored.get());
    }
    if (!current.expiresWithin(marginMillis, clock.getAsLong())) {
      return current;
    }
    if (current.refreshToken() == null) {
      throw fail(domain, new OAuthRefreshException("The OAuth credentials of domain \"" + domain
          + "\" expired and have no refreshToken; log in again and update the credential file", true, null));
    }
    long start = System.nanoTime();
    metrics.refreshStarted();
    try {
      RefreshedTokens refreshed = endpoint.refresh(current.refreshToken(), clock.getAsLong());
      session.write(refreshed);
      Path file = credentials.pathOf(domain).orElseThrow();
      CredentialFileUpdater.writeTokens(file, refreshed);
      credentials.invalidate(domain);
      succeeded(domain);
      LOG.info(() -> "Refreshed the OAuth token of domain " + domain + "; it expires at epoch ms "
          + refreshed.expiresAtMillis());
      return new OAuthTokens(refreshed.accessToken(), refreshed.refreshToken(),
          refreshed.expiresAtMillis(), refreshed.scopes());
    } catch (IOException e) {
      throw fail(domain, new OAuthRefreshException("The OAuth token of domain \"" + domain
          + "\" was refreshed but the credential file could not be written: " + e.getMessage(), false, e));
    } catch (OAuthRefreshException e) {
      throw fail(domain, e);
    } finally {
      metrics.refreshEnded((System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Takes a newer pair that another instance stored, and writes it to this instance's file. */
  private OAuthTokens adopt(String domain, RefreshedTokens stored) {
    try {
      CredentialFileUpdater.writeTokens(credentials.pathOf(domain).orElseThrow(), stored);
      credentials.invalidate(domain);
      LOG.info(() -> "Took the newer OAuth tokens of domain " + domain + " from the database");
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not write the newer OAuth tokens of {0} to its credential file: {1}",
          new Object[] {domain, e.toString()});
    }
    return new OAuthTokens(stored.accessToken(), stored.refreshToken(), stored.expiresAtMillis(), stored.scopes());
  }

  private void succeeded(String domain) {
    metrics.succeeded(backoffs.remove(domain) != null);
  }

  private OAuthRefreshException fail(String domain, OAuthRefreshException error) {
    Backoff previous = backoffs.get(domain);
    metrics.failed(previous == null);
    long delay = previous == null ? Backoff.FIRST_DELAY_MS : Math.min(Backoff.MAX_DELAY_MS, previous.delayMs() * 2);
    if (error.reauthenticationRequired()) {
      delay = Backoff.MAX_DELAY_MS;
    }
    backoffs.put(domain, new Backoff(clock.getAsLong() + delay, delay, error.getMessage(),
        error.reauthenticationRequired()));
    LOG.log(error.reauthenticationRequired() ? Level.SEVERE : Level.WARNING,
        "OAuth refresh of domain {0} failed, next attempt in {1} s: {2}",
        new Object[] {domain, delay / 1000, error.getMessage()});
    return error;
  }

  private static OAuthTokens await(CompletableFuture<OAuthTokens> running) throws OAuthRefreshException {
    try {
      return running.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof OAuthRefreshException refreshFailure) {
        throw new OAuthRefreshException(refreshFailure.getMessage(), refreshFailure.reauthenticationRequired(), e);
      }
      throw new OAuthRefreshException("The OAuth refresh failed: " + e.getCause(), false, e);
    } catch (TimeoutException e) {
      throw new OAuthRefreshException("The OAuth refresh in progress took longer than " + WAIT_SECONDS + " s", false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OAuthRefreshException("Interrupted while waiting for an OAuth refresh", false, e);
    }
  }

  /** The state of a domain whose last refresh failed. */
  private record Backoff(long retryAtMillis, long delayMs, String message, boolean reauthenticationRequired) {
    static final long FIRST_DELAY_MS = 5_000;
    static final long MAX_DELAY_MS = 300_000;
  }
}
