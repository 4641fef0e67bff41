package dev.claudenexus.api.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.access.DashboardRoles;
import dev.claudenexus.config.SsoSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupRolesTest {

  private static final SsoSettings SETTINGS = SsoSettings.from(name -> Optional.ofNullable(Map.of(
      "OIDC_ISSUER_URI", "https://login.example.com",
      "OIDC_CLIENT_ID", "nexus",
      "OIDC_ADMIN_GROUPS", "admins",
      "OIDC_VIEWER_GROUPS", "viewers, readers").get(name))).orElseThrow();

  @Test
  void adminGroupGrantsBothRoles() {
    assertThat(GroupRoles.of(List.of("admins"), SETTINGS))
        .isEqualTo(Set.of(DashboardRoles.ADMIN, DashboardRoles.VIEWER));
  }

  @Test
  void viewerGroupGrantsViewer() {
    assertThat(GroupRoles.of(List.of("staff", "readers"), SETTINGS)).isEqualTo(Set.of(DashboardRoles.VIEWER));
  }

  @Test
  void singleStringClaimCounts() {
    assertThat(GroupRoles.of("viewers", SETTINGS)).isEqualTo(Set.of(DashboardRoles.VIEWER));
  }

  @Test
  void unknownGroupsGrantNothing() {
    assertThat(GroupRoles.of(List.of("staff"), SETTINGS)).isEmpty();
  }

  @Test
  void groupNamesAreCaseSensitive() {
    assertThat(GroupRoles.of(List.of("Admins", "VIEWERS"), SETTINGS)).isEmpty();
  }

  @Test
  void otherClaimShapesGrantNothing() {
    assertThat(GroupRoles.of(null, SETTINGS)).isEmpty();
    assertThat(GroupRoles.of(42L, SETTINGS)).isEmpty();
    assertThat(GroupRoles.of(Map.of("admins", true), SETTINGS)).isEmpty();
    assertThat(GroupRoles.of(List.of(7L, Map.of()), SETTINGS)).isEmpty();
  }
}
