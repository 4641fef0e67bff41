package dev.claudenexus.proxy.auth;

import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;

/**
 * The proxy realm: runs {@link ClientKeyCheck} before {@code /v1/*} and {@code /mcp} and passes an
 * accepted request on with its caller, so {@code getUserPrincipal} and {@code isUserInRole} return
 * what a container login would.
 *
 * <p>A servlet filter rather than a Jakarta Security mechanism, unlike the dashboard's realm. On
 * Payara, any authentication module added about 200 µs of CPU to every forwarded call, 35 % of the
 * proxy's cost: the bridge to an {@code HttpAuthenticationMechanism} and a Jakarta Authentication
 * module of our own alike (docs/benchmarks.md). The proxy needs no sessions, logins or
 * container-checked constraints, so the filter makes every decision the mechanism made.
 */
@WebFilter(filterName = "ClientKeyFilter", urlPatterns = {"/v1/*", "/mcp", "/mcp/*"})
public class ClientKeyFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient ClientKeyCheck check;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ClientKeyCheck.Outcome outcome = check.check(request, response);
    if (outcome instanceof ClientKeyCheck.Accepted accepted) {
      chain.doFilter(new CallerRequest(request, accepted.caller(), accepted.roles()), response);
    } else if (outcome instanceof ClientKeyCheck.Skipped) {
      chain.doFilter(request, response);
    }
    // A rejected request already has its error response.
  }

  /** A request made by an authenticated caller. */
  private static final class CallerRequest extends HttpServletRequestWrapper {

    private final Principal caller;
    private final Set<String> roles;

    CallerRequest(HttpServletRequest request, String caller, Set<String> roles) {
      super(request);
      this.caller = new CallerPrincipal(caller);
      this.roles = Set.copyOf(roles);
    }

    @Override
    public Principal getUserPrincipal() {
      return caller;
    }

    @Override
    public String getRemoteUser() {
      return caller.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
      return roles.contains(role);
    }

    @Override
    public String getAuthType() {
      return "CLIENT_KEY";
    }
  }
}
