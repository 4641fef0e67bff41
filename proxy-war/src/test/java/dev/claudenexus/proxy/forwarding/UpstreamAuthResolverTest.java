package dev.claudenexus.proxy.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.proxy.ProxySettings;
import dev.claudenexus.proxy.TestSettings;
import dev.claudenexus.proxy.credentials.CredentialStore;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamAuthResolverTest {

  @TempDir Path credentials;

  private UpstreamAuthResolver resolver(boolean clientAuth) throws Exception {
    ProxySettings settings = TestSettings.create(Map.of(
        "CREDENTIALS_DIR", credentials.toString(),
        "ENABLE_CLIENT_AUTH", Boolean.toString(clientAuth)));
    CredentialStore store = new CredentialStore();
    Field field = CredentialStore.class.getDeclaredField("settings");
    field.setAccessible(true);
    field.set(store, settings);
    Method init = CredentialStore.class.getDeclaredMethod("init");
    init.setAccessible(true);
    init.invoke(store);
    UpstreamAuthResolver resolver = new UpstreamAuthResolver();
    resolver.settings = settings;
    resolver.credentials = store;
    resolver.oauthRefresher = dev.claudenexus.proxy.oauth.OAuthTestSupport.refresher(settings, store);
    return resolver;
  }

  private static InboundRequest request(String domain, Map<String, List<String>> headers) {
    return new InboundRequest(UUID.randomUUID(), OffsetDateTime.now(), System.nanoTime(), "POST",
        "/v1/messages", null, domain, headers, new byte[0], null, null);
  }

  @Test
  void apiKeyFileSendsXApiKey() throws Exception {
    Files.writeString(credentials.resolve("team.example.com.credentials.json"),
        "{\"type\":\"api_key\",\"accountId\":\"acc_team\",\"api_key\":\"sk-ant-team\"}");
    UpstreamAuth auth = resolver(true).resolve(request("team.example.com", Map.of()));

    assertEquals(Map.of("x-api-key", "sk-ant-team"), auth.headers());
    assertEquals("acc_team", auth.accountId());
    assertFalse(auth.oauth());
  }

  @Test
  void oauthFileSendsBearerToken() throws Exception {
    Files.writeString(credentials.resolve("max.example.com.credentials.json"),
        "{\"type\":\"oauth\",\"oauth\":{\"accessToken\":\"sk-ant-oat-1\",\"refreshToken\":\"r\",\"expiresAt\":"
            + (System.currentTimeMillis() + 3_600_000) + "}}");
    UpstreamAuth auth = resolver(true).resolve(request("max.example.com", Map.of()));

    assertEquals(Map.of("authorization", "Bearer sk-ant-oat-1"), auth.headers());
    assertTrue(auth.oauth());
  }

  @Test
  void clientKeyPassesThroughWithoutClientAuth() throws Exception {
    UpstreamAuth auth = resolver(false).resolve(
        request("nofile.example.com", Map.of("x-api-key", List.of("sk-ant-own"))));

    assertEquals(Map.of("x-api-key", "sk-ant-own"), auth.headers());
  }

  @Test
  void missingFileRejectedWithClientAuth() throws Exception {
    UpstreamAuthResolver resolver = resolver(true);
    RejectedRequestException rejected = assertThrows(RejectedRequestException.class,
        () -> resolver.resolve(request("nofile.example.com", Map.of("x-api-key", List.of("sk-ant-own")))));

    assertEquals(401, rejected.status());
    assertTrue(rejected.getMessage().contains("bin/nexus credentials add"));
  }
}
