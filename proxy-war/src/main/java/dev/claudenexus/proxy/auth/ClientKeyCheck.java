package dev.claudenexus.proxy.auth;

import dev.claudenexus.api.mcp.McpSettings;
import dev.claudenexus.proxy.AnthropicError;
import dev.claudenexus.proxy.ProxySettings;
import dev.claudenexus.credentials.ClientKeys;
import dev.claudenexus.credentials.CredentialFile;
import dev.claudenexus.proxy.credentials.CredentialStore;
import dev.claudenexus.proxy.credentials.DomainName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Decides who calls the proxy: API clients on {@code /v1/*} with their domain's client key. With
 * client auth off, every request there is let in as a pass-through client. {@code /mcp} always needs
 * the client key while MCP is enabled, whatever the value of {@code ENABLE_CLIENT_AUTH}. {@link
 * ClientKeyFilter} runs the check on exactly these paths and applies the decision.
 */
@ApplicationScoped
public class ClientKeyCheck {

  /** The result of the check for one request. */
  public sealed interface Outcome {
  }

  /** A request that continues without a caller: a CORS preflight, or {@code /mcp} while MCP is off. */
  public record Skipped() implements Outcome {
  }

  /** An accepted request from {@code caller}, who has {@code roles}. */
  public record Accepted(String caller, Set<String> roles) implements Outcome {
  }

  /** A rejected request whose error response is already sent. */
  public record Rejected() implements Outcome {
  }

  private static final Outcome SKIPPED = new Skipped();
  private static final Outcome REJECTED = new Rejected();
  private static final Outcome PASS_THROUGH =
      new Accepted("pass-through", Set.of(ClientKeyIdentityStore.CLIENT_ROLE));

  /** Request attribute holding the salted hash of the client key that authenticated the request. */
  public static final String KEY_HASH_ATTRIBUTE = "dev.claudenexus.clientKeyHash";

  static final String CHALLENGE = "Bearer realm=\"Claude Nexus Proxy\"";

  private static final Logger LOG = Logger.getLogger(ClientKeyCheck.class.getName());

  @Inject ProxySettings settings;
  @Inject CredentialStore credentials;
  @Inject ClientKeyIdentityStore identityStore;

  /** Checks {@code request} and, when it rejects it, writes the error to {@code response}. */
  public Outcome check(HttpServletRequest request, HttpServletResponse response) {
    // The filter runs on the container's resolved path, but the servlet forwards the raw one. A raw
    // path such as /./v1/messages or /mcp/../v1/messages must not reach the upstream unchecked.
    String path = request.getRequestURI();
    boolean mcp = path.equals("/mcp") || path.startsWith("/mcp/");
    if (!CanonicalPath.isCanonical(path) || (!mcp && !path.startsWith("/v1/"))) {
      return reject(response, 400, "invalid_request_error", "The request path "
          + shorten(path) + " is not in canonical form: send /v1/... or /mcp without dot or empty"
          + " segments, path parameters or encoded slashes");
    }
    if ((mcp && !McpSettings.current().enabled()) || "OPTIONS".equals(request.getMethod())) {
      // The MCP endpoint returns 404 while it is off. CORS preflight requests carry no credentials
      // by definition, so the servlet handles them.
      return SKIPPED;
    }
    if (!mcp && !settings.clientAuthEnabled()) {
      return PASS_THROUGH;
    }
    Optional<String> domain = DomainName.fromHost(request.getHeader("Host"));
    if (domain.isEmpty()) {
      return reject(response, 400, "invalid_request_error", "The Host header is missing or invalid");
    }
    PresentedKey presented = PresentedKey.of(request);
    if (presented.malformedAuthorization()) {
      return reject(response, 401, "authentication_error",
          "Invalid Authorization header format: send \"Authorization: Bearer <client key>\" or"
              + " the x-api-key header");
    }
    if (presented.key() == null) {
      return reject(response, 401, "authentication_error",
          "Missing client key: send the client key of domain \"" + domain.get()
              + "\" as x-api-key or Authorization: Bearer");
    }
    boolean configured = credentials.forDomain(domain.get()).flatMap(CredentialFile::clientKey).isPresent();
    if (!configured) {
      return reject(response, 401, "authentication_error",
          "No client API key configured for domain \"" + domain.get()
              + "\": create one with bin/nexus credentials add --domain " + domain.get());
    }
    CredentialValidationResult result =
        identityStore.validate(new ClientKeyCredential(domain.get(), presented.key()));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      LOG.fine(() -> "Rejected an invalid client key for domain " + domain.get());
      return reject(response, 401, "authentication_error",
          "Invalid client API key for domain \"" + domain.get() + "\"");
    }
    request.setAttribute(KEY_HASH_ATTRIBUTE, ClientKeys.saltedHash(settings.apiKeySalt(), presented.key()));
    return new Accepted(result.getCallerPrincipal().getName(), result.getCallerGroups());
  }

  private static String shorten(String path) {
    return path.length() > 100 ? path.substring(0, 100) + "..." : path;
  }

  private static Outcome reject(
      HttpServletResponse response, int status, String type, String message) {
    try {
      response.setHeader("WWW-Authenticate", CHALLENGE);
      AnthropicError.send(response, status, type, message);
    } catch (IOException e) {
      LOG.fine(() -> "Could not send the authentication error: " + e);
    }
    return REJECTED;
  }
}
