package dev.claudenexus.launcher;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.credentials.CredentialFile;
import dev.claudenexus.credentials.ClientKeys;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * Writes credential files with a new client key. A file is created with mode 600 under a temporary
 * name and renamed into place, so the proxy never reads half a file.
 */
final class CredentialFileWriter {

  /** Same pattern as the proxy's {@code DomainName}, which decides where the port is kept. */
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private CredentialFileWriter() {}

  /**
   * Writes {@code <directory>/<domain>.credentials.json} and returns the new client key.
   *
   * @throws IllegalArgumentException when the domain is not a valid file name, is a host name with a
   *     port, or the file exists
   */
  static String write(Path directory, String domain, String apiKey, String accountId)
      throws IOException {
    validateDomain(domain);
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("The API key is empty");
    }
    String clientKey = ClientKeys.generate();
    JsonObjectBuilder json = JSON.createObjectBuilder()
        .add("type", "api_key")
        .add("accountId", accountId == null ? defaultAccount(domain) : accountId)
        .add("api_key", apiKey.strip())
        .add("client_api_key", clientKey);
    create(directory.resolve(domain + CredentialFile.FILE_SUFFIX), json.build());
    return clientKey;
  }

  /**
   * Writes an {@code oauth} credential file from a token file and returns the new client key. The
   * token file is either the Claude CLI's {@code .credentials.json} ({@code {"claudeAiOauth": {...}}})
   * or an object with {@code accessToken}, {@code refreshToken} and {@code expiresAt}.
   */
  static String writeOAuth(Path directory, String domain, Path tokenFile, String accountId)
      throws IOException {
    validateDomain(domain);
    JsonObject tokens = OAuthTokenFile.read(tokenFile);
    String clientKey = ClientKeys.generate();
    JsonObject json = JSON.createObjectBuilder()
        .add("type", "oauth")
        .add("accountId", accountId == null ? defaultAccount(domain) : accountId)
        .add("oauth", tokens)
        .add("client_api_key", clientKey)
        .build();
    create(directory.resolve(domain + CredentialFile.FILE_SUFFIX), json);
    return clientKey;
  }

  /** Writes a new file with mode 600 under a temporary name and renames it into place. */
  static void create(Path target, JsonObject json) throws IOException {
    if (Files.exists(target)) {
      throw new IllegalArgumentException(target + " already exists; remove it first to replace it");
    }
    replace(target, json);
  }

  /** Replaces a file atomically with mode 600, so the proxy never reads half a file. */
  static void replace(Path target, JsonObject json) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, ".credentials", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(temporary, json.toString() + "\n", StandardCharsets.UTF_8);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static String defaultAccount(String domain) {
    return "acc_" + domain.replaceAll("[^a-z0-9]", "_");
  }

  /**
   * Checks that a domain names a credential file the proxy can match.
   *
   * @throws IllegalArgumentException when it is not a valid file name or is a host name with a port
   */
  static void validateDomain(String domain) {
    if (!domain.matches("[a-z0-9.\\-:]+") || domain.contains("..") || domain.startsWith(":")) {
      throw new IllegalArgumentException("Invalid domain \"" + domain
          + "\": use the lower-case host name clients connect to, such as localhost:3000");
    }
    int colon = domain.indexOf(':');
    if (colon >= 0 && !isLocalHost(domain.substring(0, colon))) {
      // The proxy drops the port from the Host header unless the host is localhost or an IPv4
      // address, so a file named with a port would never match a request.
      throw new IllegalArgumentException("Invalid domain \"" + domain + "\": the proxy keeps the port"
          + " only for localhost and IP addresses, so use \"" + domain.substring(0, colon) + "\"");
    }
  }

  private static boolean isLocalHost(String host) {
    return host.equals("localhost") || IPV4.matcher(host).matches();
  }
}
