package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claudenexus.testsupport.anthropic.ReceivedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two proxy instances on one PostgreSQL database, each with its own copy of an OAuth credential file
 * whose token is about to expire. The token is refreshed once, and the second instance takes the
 * rotated pair from the database instead of refreshing with the spent refresh token.
 */
@ExtendWith(NexusServerExtension.class)
class SharedOAuthIT {

  private static final String DOMAIN = "max.example.com";
  private static final String CLIENT_KEY = "cnp_live_sharedoauth";

  private final NexusServer server;

  SharedOAuthIT(NexusServer server) {
    this.server = server;
  }

  @Test
  void twoInstancesRefreshOnce() throws Exception {
    assumeTrue(server.database.vendor.equals("postgresql"), "needs the PostgreSQL run");
    Path first = server.home.resolve("credentials").resolve(DOMAIN + ".credentials.json");
    try (NexusServer.SecondInstance second = server.startSecondInstance()) {
      String credential = "{\"type\":\"oauth\",\"accountId\":\"acc_shared\",\"client_api_key\":\"" + CLIENT_KEY
          + "\",\"oauth\":{\"accessToken\":\"expiring\",\"refreshToken\":\"shared-refresh-0\",\"expiresAt\":"
          + (System.currentTimeMillis() + 20_000) + "}}";
      NexusServer.writeCredentialFile(first, credential);
      NexusServer.writeCredentialFile(second.home().resolve("credentials").resolve(DOMAIN + ".credentials.json"), credential);
      int refreshesBefore = server.tokenEndpoint.refreshes.get();

      assertEquals(200, status(send(server.port)));
      ReceivedRequest viaFirst = server.fake.takeRequest(Duration.ofSeconds(10));
      assertEquals(200, status(send(second.port())));
      ReceivedRequest viaSecond = server.fake.takeRequest(Duration.ofSeconds(10));

      assertEquals(refreshesBefore + 1, server.tokenEndpoint.refreshes.get());
      assertEquals(viaFirst.header("authorization"), viaSecond.header("authorization"));
      assertTrue(viaSecond.header("authorization").startsWith("Bearer access-"), viaSecond.header("authorization"));
      String secondFile = Files.readString(second.home().resolve("credentials").resolve(DOMAIN + ".credentials.json"));
      assertTrue(!secondFile.contains("shared-refresh-0"), "the second instance took the rotated pair");
    } finally {
      Files.deleteIfExists(first);
    }
  }

  /** Sends a request with the shared domain as Host, as a load balancer forwards it. */
  private static String send(int port) throws Exception {
    return RawHttp.postMessages(port, DOMAIN, CLIENT_KEY, ProxyCalls.messagesBody(false, "shared"));
  }

  private static int status(String response) {
    return RawHttp.status(response);
  }
}
