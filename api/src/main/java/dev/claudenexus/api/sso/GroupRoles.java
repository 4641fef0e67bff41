package dev.claudenexus.api.sso;

import dev.claudenexus.api.access.DashboardRoles;
import dev.claudenexus.config.SsoSettings;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps the groups claim of a token onto the dashboard roles. A member of an admin group gets admin
 * and viewer, a member of a viewer group gets viewer. Group names are compared exactly, because
 * providers treat them as case-sensitive identifiers.
 */
public final class GroupRoles {

  private GroupRoles() {}

  /**
   * Returns the roles of a user whose groups claim has this value: a list of names, or one name.
   * Any other value (a number, an object, absent) counts as no group.
   */
  public static Set<String> of(Object claim, SsoSettings settings) {
    Set<String> roles = new HashSet<>();
    for (String group : groupNames(claim)) {
      if (settings.adminGroups().contains(group)) {
        roles.add(DashboardRoles.ADMIN);
        roles.add(DashboardRoles.VIEWER);
      } else if (settings.viewerGroups().contains(group)) {
        roles.add(DashboardRoles.VIEWER);
      }
    }
    return Set.copyOf(roles);
  }

  private static List<String> groupNames(Object claim) {
    if (claim instanceof String single) {
      return List.of(single);
    }
    if (claim instanceof Collection<?> many) {
      return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }
}
