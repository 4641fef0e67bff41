package dev.claudenexus.api.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.claudenexus.api.changes.StorageChanges;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The cached responses of this war, bounded in time and memory and emptied whenever
 * {@link StorageChanges} reports a change. A response computed while a change arrived is not kept,
 * since it may predate the change.
 */
@ApplicationScoped
public class ResponseCache {

  private static final Logger LOG = Logger.getLogger(ResponseCache.class.getName());

  @Inject StorageChanges changes;

  private CacheSettings settings;
  private Cache<String, CachedResponse> responses;
  /** Counts the changes seen; a response is kept only if none arrived while it was computed. */
  private long generation;

  /** A response body with its media type. */
  public record CachedResponse(byte[] body, String mediaType) {}

  /** A read that missed the cache: its key, and the generation it started in. */
  public record Ticket(String key, long generation) {}

  /** Creates the container's instance, configured by {@link #start}. */
  public ResponseCache() {}

  /** Creates a cache with the given settings that nothing invalidates but {@link #invalidate}. */
  ResponseCache(CacheSettings settings) {
    configure(settings);
  }

  @PostConstruct
  void start() {
    configure(CacheSettings.from(ConfigProvider.getConfig()));
    if (!enabled()) {
      LOG.info("The response cache of /api/* is off (DASHBOARD_CACHE_TTL=0)");
      return;
    }
    changes.addListener(this::invalidate);
    LOG.info(() -> "/api/* reads are cached for up to " + settings.timeToLive().toSeconds()
        + " s and dropped when stored data changes");
  }

  private void configure(CacheSettings cacheSettings) {
    this.settings = cacheSettings;
    if (!cacheSettings.enabled()) {
      return;
    }
    responses = Caffeine.newBuilder()
        .expireAfterWrite(cacheSettings.timeToLive())
        .maximumWeight(cacheSettings.maxBytes())
        .weigher((String key, CachedResponse value) -> key.length() * 2 + value.body().length)
        // Maintenance runs on the calling thread, not on the JDK's shared pool, which is not the
        // container's to use.
        .executor(Runnable::run)
        .build();
  }

  /** Returns whether responses are cached. */
  public boolean enabled() {
    return responses != null;
  }

  /** Returns the cached response for {@code key}, if there is one. */
  public Optional<CachedResponse> get(String key) {
    return Optional.ofNullable(responses.getIfPresent(key));
  }

  /** Starts a read that missed: the returned ticket lets {@link #put} keep its response. */
  public synchronized Ticket miss(String key) {
    return new Ticket(key, generation);
  }

  /**
   * Keeps a response unless data changed since its ticket was issued or it is too large.
   *
   * @return whether the response was kept
   */
  public synchronized boolean put(Ticket ticket, CachedResponse response) {
    if (ticket.generation() != generation || response.body().length > settings.maxEntryBytes()) {
      return false;
    }
    responses.put(ticket.key(), response);
    return true;
  }

  /** Drops every cached response. */
  public synchronized void invalidate() {
    generation++;
    if (responses != null) {
      responses.invalidateAll();
    }
  }
}
