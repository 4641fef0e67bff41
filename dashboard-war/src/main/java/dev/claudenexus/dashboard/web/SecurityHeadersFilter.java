package dev.claudenexus.dashboard.web;

import dev.claudenexus.api.access.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Adds the standard security headers to every dashboard response, pages and API alike. A Faces page
 * sends its own {@code Content-Security-Policy}, the same policy with the nonce of its scripts added,
 * and that replaces the standard one instead of being sent beside it, since a browser would enforce
 * both.
 */
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String POLICY = "Content-Security-Policy";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    SecurityHeaders.VALUES.forEach(response::setHeader);
    chain.doFilter(request, new PolicyReplacingResponse(response));
  }

  /** Turns a second {@code Content-Security-Policy} header into a replacement of the first. */
  private static final class PolicyReplacingResponse extends HttpServletResponseWrapper {

    PolicyReplacingResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (POLICY.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
