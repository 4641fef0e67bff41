package dev.claudenexus.launcher;

import dev.claudenexus.credentials.ClientKeys;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * Writes an {@code api_key} credential file with a new client key. The file is created with mode 600
 * under a temporary name and renamed into place, so the proxy never reads half a file.
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
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("The API key is empty");
    }
    Path target = directory.resolve(domain + ".credentials.json");
    if (Files.exists(target)) {
      throw new IllegalArgumentException(target + " already exists; remove it first to replace it");
    }
    String clientKey = ClientKeys.generate();
    JsonObjectBuilder json = Json.createObjectBuilder()
        .add("type", "api_key")
        .add("accountId", accountId == null ? "acc_" + domain.replaceAll("[^a-z0-9]", "_") : accountId)
        .add("api_key", apiKey.strip())
        .add("client_api_key", clientKey);
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, ".credentials", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temporary, json.build().toString() + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    return clientKey;
  }

  private static boolean isLocalHost(String host) {
    return host.equals("localhost") || IPV4.matcher(host).matches();
  }
}
