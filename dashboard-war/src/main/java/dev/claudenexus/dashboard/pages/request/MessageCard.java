package dev.claudenexus.dashboard.pages.request;

import java.util.List;

/**
 * One card of the request page's conversation view: a system block, a request message or the
 * response.
 *
 * @param anchor the element id of the card, unique on the page
 * @param role {@code system}, {@code user}, {@code assistant} or the role the message names
 * @param title what the card is, such as {@code Message 3} or {@code Response}
 * @param collapsible whether the card is long enough to start collapsed behind "Show more"
 */
public record MessageCard(String anchor, String role, String title, List<MessageBlock> blocks,
    boolean collapsible) {

  /** Returns the CSS class of the card's role: a known role, or {@code other}. */
  public String roleClass() {
    return switch (role) {
      case "user", "assistant", "system" -> "nexus-role-" + role;
      default -> "nexus-role-other";
    };
  }
}
