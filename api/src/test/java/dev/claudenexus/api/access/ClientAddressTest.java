package dev.claudenexus.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private static final Set<String> TRUSTED = Set.of("10.0.0.1", "10.0.0.2");

  @Test
  void untrustedPeerCannotChooseAddress() {
    assertThat(ClientAddress.resolve("192.0.2.7", "198.51.100.1", TRUSTED)).isEqualTo("192.0.2.7");
  }

  @Test
  void trustedPeerNamesClient() {
    assertThat(ClientAddress.resolve("10.0.0.1", "198.51.100.1", TRUSTED)).isEqualTo("198.51.100.1");
  }

  @Test
  void trustedHopsAreSkippedFromRight() {
    assertThat(ClientAddress.resolve("10.0.0.1", "203.0.113.9, 198.51.100.1, 10.0.0.2", TRUSTED))
        .isEqualTo("198.51.100.1");
  }

  @Test
  void missingHeaderUsesPeer() {
    assertThat(ClientAddress.resolve("10.0.0.1", null, TRUSTED)).isEqualTo("10.0.0.1");
  }
}
