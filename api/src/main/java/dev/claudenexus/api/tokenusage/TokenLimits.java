package dev.claudenexus.api.tokenusage;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The 5-hour limit of output tokens per account that the dashboard pages measure usage against:
 * {@value #FILE_FIELD} of the account's credential file, else {@code TOKEN_LIMIT_5H}, else 140,000.
 * When several credential files name the same account with different limits, the smallest applies.
 * Only {@code accountId} and the limit are read from a credential file; its keys are never kept.
 */
public final class TokenLimits {

  /** Credential file member with an account's own limit, a whole number of output tokens. */
  public static final String FILE_FIELD = "token_limit_5h";

  /** Setting with the limit of accounts whose credential file sets none. */
  public static final String SETTING = "TOKEN_LIMIT_5H";

  public static final long DEFAULT_LIMIT = UsageLimits.TOKEN_LIMIT;

  private static final String FILE_SUFFIX = ".credentials.json";

  /** The origin of a limit. */
  public enum Source { DEFAULT, SETTING, CREDENTIAL_FILE }

  /** A limit of output tokens per 5 hours and where it comes from. */
  public record Limit(long tokens, Source source) {}

  private final Limit fallback;
  private final Map<String, Long> accountLimits;
  private final List<String> problems;

  private TokenLimits(Limit fallback, Map<String, Long> accountLimits, List<String> problems) {
    this.fallback = fallback;
    this.accountLimits = Map.copyOf(accountLimits);
    this.problems = List.copyOf(problems);
  }

  /**
   * Reads the limits from the credential files of {@code directory} and the value of
   * {@value #SETTING}. A missing directory means no file limits. Invalid values are skipped and
   * listed by {@link #problems()}.
   */
  public static TokenLimits read(Path directory, Optional<String> setting) {
    List<String> problems = new ArrayList<>();
    Limit fallback = fallback(setting, problems);
    Map<String, Long> accountLimits = new HashMap<>();
    for (Path file : credentialFiles(directory, problems)) {
      readFile(file, problems).ifPresent(limit ->
          accountLimits.merge(limit.accountId(), limit.tokens(), Math::min));
    }
    return new TokenLimits(fallback, accountLimits, problems);
  }

  /** Returns the limit of an account. */
  public Limit forAccount(String accountId) {
    Long tokens = accountId == null ? null : accountLimits.get(accountId);
    return tokens == null ? fallback : new Limit(tokens, Source.CREDENTIAL_FILE);
  }

  /** Returns what could not be read, one message per file or setting, without any key. */
  public List<String> problems() {
    return problems;
  }

  private record FileLimit(String accountId, long tokens) {}

  private static Limit fallback(Optional<String> setting, List<String> problems) {
    Optional<String> text = setting.map(String::strip).filter(value -> !value.isEmpty());
    if (text.isEmpty()) {
      return new Limit(DEFAULT_LIMIT, Source.DEFAULT);
    }
    try {
      long tokens = Long.parseLong(text.get());
      if (tokens > 0) {
        return new Limit(tokens, Source.SETTING);
      }
    } catch (NumberFormatException e) {
      // Reported below, like a number out of range.
    }
    problems.add(SETTING + "=" + text.get() + " is not a whole number above 0; using " + DEFAULT_LIMIT);
    return new Limit(DEFAULT_LIMIT, Source.DEFAULT);
  }

  private static List<Path> credentialFiles(Path directory, List<String> problems) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(FILE_SUFFIX)).sorted().toList();
    } catch (IOException e) {
      problems.add("Listing " + directory + " failed: " + e.getMessage());
      return List.of();
    }
  }

  private static Optional<FileLimit> readFile(Path file, List<String> problems) {
    JsonObject json;
    try (JsonReader reader = JSON.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
      json = reader.readObject();
    } catch (IOException | JsonException | IllegalStateException e) {
      // The proxy reports unreadable credential files; here they only have no limit.
      return Optional.empty();
    }
    JsonValue limit = json.get(FILE_FIELD);
    if (limit == null || limit.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (!(json.get("accountId") instanceof JsonString accountId) || accountId.getString().isBlank()) {
      problems.add(file.getFileName() + " sets " + FILE_FIELD + " but no accountId; its limit is ignored");
      return Optional.empty();
    }
    if (!(limit instanceof JsonNumber number) || !number.isIntegral() || number.longValue() <= 0) {
      problems.add(file.getFileName() + ": " + FILE_FIELD + " must be a whole number above 0; its limit is ignored");
      return Optional.empty();
    }
    return Optional.of(new FileLimit(accountId.getString(), number.longValue()));
  }
}
