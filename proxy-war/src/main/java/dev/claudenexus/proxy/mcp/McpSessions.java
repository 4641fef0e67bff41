package dev.claudenexus.proxy.mcp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The sessions of this instance, by {@code Mcp-Session-Id}: random 128-bit ids that end after
 * {@value #IDLE_HOURS} hours without a request, or when the client deletes them. At most
 * {@value #MAX_SESSIONS} are kept; the least used end first.
 *
 * <p>NOTE: sessions live in this instance's memory. Behind a load balancer with several proxies,
 * route {@code /mcp} by the {@code Mcp-Session-Id} header (or stick clients to one instance), since
 * another instance responds to an unknown session with 404 and the client must initialize again.
 */
@ApplicationScoped
public class McpSessions {

  static final int IDLE_HOURS = 24;
  static final int MAX_SESSIONS = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Cache<String, McpSession> sessions = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofHours(IDLE_HOURS))
      .maximumSize(MAX_SESSIONS)
      .build();

  /** Starts a session and returns its id. */
  String start(McpSession session) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    sessions.put(id, session);
    return id;
  }

  /** Returns the session with the id when it belongs to the domain. */
  Optional<McpSession> find(String id, String domain) {
    McpSession session = sessions.getIfPresent(id);
    return session != null && session.domain().equals(domain) ? Optional.of(session) : Optional.empty();
  }

  /** Ends the session; returns whether it existed for the domain. */
  boolean end(String id, String domain) {
    if (find(id, domain).isEmpty()) {
      return false;
    }
    sessions.invalidate(id);
    return true;
  }
}
