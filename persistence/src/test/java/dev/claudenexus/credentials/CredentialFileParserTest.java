package dev.claudenexus.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialFileParserTest {

  private static final String API_KEY = "sk-ant-api03-secret-value";
  private static final String CLIENT_KEY = "cnp_live_0123456789abcdef";
  private static final String ACCESS_TOKEN = "sk-ant-oat01-secret-token";

  /** Parses JSON written with single quotes for readability. */
  private static CredentialFile parse(String singleQuotedJson) {
    return CredentialFileParser.parse("example.com", singleQuotedJson.replace('\'', '"'));
  }

  private static String rejection(String singleQuotedJson) {
    return assertThrows(InvalidCredentialFileException.class, () -> parse(singleQuotedJson))
        .getMessage();
  }

  @Test
  void apiKeyFileIsParsed() {
    CredentialFile file = parse(
        "{'type':'api_key','api_key':'" + API_KEY + "','client_api_key':'" + CLIENT_KEY
            + "','accountId':'acc_1'}");

    assertEquals("example.com", file.domain());
    assertEquals(CredentialFile.TYPE_API_KEY, file.type());
    assertEquals(API_KEY, file.apiKey());
    assertNull(file.oauth());
    assertEquals(Optional.of(CLIENT_KEY), file.clientKey());
    assertEquals("acc_1", file.accountId());
  }

  @Test
  void apiKeyIsStripped() {
    assertEquals(API_KEY, parse("{'type':'api_key','api_key':'  " + API_KEY + "\\n'}").apiKey());
  }

  @Test
  void oauthFileIsParsed() {
    CredentialFile file = parse(
        "{'type':'oauth','oauth':{'accessToken':'" + ACCESS_TOKEN + "','refreshToken':'r',"
            + "'expiresAt':1735689600000,'scopes':['user:inference']},'accountId':'acc_2'}");

    assertEquals(CredentialFile.TYPE_OAUTH, file.type());
    assertEquals(ACCESS_TOKEN, file.oauth().accessToken());
    assertNull(file.apiKey());
    assertEquals(Optional.empty(), file.clientKey());
  }

  @Test
  void unknownFieldsAreIgnored() {
    CredentialFile file = parse("{'type':'api_key','api_key':'k','slack':{'webhook':'x'},'n':1}");

    assertEquals("k", file.apiKey());
  }

  @Test
  void nullOptionalFieldsAreAbsent() {
    CredentialFile file = parse("{'type':'api_key','api_key':'k','client_api_key':null,'accountId':null}");

    assertEquals(Optional.empty(), file.clientKey());
    assertNull(file.accountId());
  }

  @Test
  void emptyClientKeyIsAbsent() {
    assertEquals(Optional.empty(), parse("{'type':'api_key','api_key':'k','client_api_key':''}").clientKey());
  }

  @Test
  void missingTypeIsRejected() {
    assertTrue(rejection("{'api_key':'k'}").contains("\"type\" is missing"));
  }

  @Test
  void nullTypeIsRejected() {
    assertTrue(rejection("{'type':null,'api_key':'k'}").contains("\"type\" is missing"));
  }

  @Test
  void unknownTypeIsRejected() {
    assertTrue(rejection("{'type':'password','api_key':'k'}").contains("\"password\""));
  }

  @Test
  void longUnknownTypeIsShortened() {
    String message = rejection("{'type':'" + "x".repeat(100) + "'}");

    assertFalse(message.contains("x".repeat(21)), message);
  }

  @Test
  void missingApiKeyIsRejected() {
    assertTrue(rejection("{'type':'api_key'}").contains("\"api_key\" is missing"));
  }

  @Test
  void blankApiKeyIsRejected() {
    assertTrue(rejection("{'type':'api_key','api_key':'   '}").contains("\"api_key\" is missing"));
  }

  @Test
  void missingOauthObjectIsRejected() {
    assertTrue(rejection("{'type':'oauth'}").contains("\"oauth\" object is missing"));
  }

  @Test
  void oauthNotObjectIsRejected() {
    assertTrue(rejection("{'type':'oauth','oauth':'token'}").contains("\"oauth\" object is missing"));
  }

  @Test
  void missingAccessTokenIsRejected() {
    assertTrue(rejection("{'type':'oauth','oauth':{}}").contains("oauth.accessToken"));
  }

  @Test
  void wrongFieldTypesAreRejected() {
    List<String> files = List.of(
        "{'type':1,'api_key':'k'}",
        "{'type':'api_key','api_key':123}",
        "{'type':'api_key','api_key':['k']}",
        "{'type':'api_key','api_key':'k','client_api_key':true}",
        "{'type':'api_key','api_key':'k','accountId':{}}",
        "{'type':'oauth','oauth':{'accessToken':42}}");

    for (String file : files) {
      assertTrue(rejection(file).contains("must be a string"), file);
    }
  }

  @Test
  void invalidJsonIsRejected() {
    for (String text : List.of("not json", "{'type':'api_key',", "", "{'a' 1}", "\u0000")) {
      assertEquals("the file is not valid JSON", rejection(text), text);
    }
  }

  @Test
  void topLevelArrayIsRejected() {
    assertEquals("the file must contain a JSON object", rejection("[{'type':'api_key','api_key':'k'}]"));
  }

  @Test
  void topLevelStringIsRejected() {
    assertEquals("the file must contain a JSON object", rejection("'api_key'"));
  }

  @Test
  void deepNestingIsRejected() {
    String nested = "{'type':'api_key','api_key':'k','x':" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

    assertEquals("the file is not valid JSON", rejection(nested));
  }

  @Test
  void rejectionsNeverShowKeys() {
    List<String> files = List.of(
        "{'type':'api_key','api_key':'" + API_KEY + "','client_api_key':7}",
        "{'type':'" + API_KEY + "'}",
        "{'type':'api_key','api_key':'" + API_KEY + "',",
        "{'type':'oauth','oauth':{'accessToken':'" + ACCESS_TOKEN + "'},'accountId':[]}");

    for (String file : files) {
      String message = rejection(file);
      assertFalse(message.contains(API_KEY), message);
      assertFalse(message.contains(ACCESS_TOKEN), message);
    }
  }

  @Test
  void toStringNeverShowsKeys() {
    CredentialFile file = parse(
        "{'type':'api_key','api_key':'" + API_KEY + "','client_api_key':'" + CLIENT_KEY + "'}");
    CredentialFile oauth = parse("{'type':'oauth','oauth':{'accessToken':'" + ACCESS_TOKEN + "'}}");

    assertFalse(file.toString().contains(API_KEY), file.toString());
    assertFalse(file.toString().contains(CLIENT_KEY), file.toString());
    assertFalse(oauth.toString().contains(ACCESS_TOKEN), oauth.toString());
    assertTrue(file.toString().contains("clientKey=present"), file.toString());
  }

  @Test
  void previousClientKeysAcceptedUntilTheirEnd() {
    CredentialFile file = CredentialFileParser.parse("team.example.com",
        "{\"type\":\"api_key\",\"api_key\":\"k\",\"client_api_key\":\"cnp_live_new\","
            + "\"previous_client_api_keys\":[{\"key\":\"cnp_live_old\",\"validUntil\":2000},"
            + "{\"key\":\"cnp_live_older\",\"validUntil\":500},{\"key\":7},\"junk\"]}");

    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("cnp_live_new", "cnp_live_old"),
        file.acceptedClientKeys(1000));
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("cnp_live_new"),
        file.acceptedClientKeys(3000));
  }
}
