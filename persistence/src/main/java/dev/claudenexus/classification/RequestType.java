package dev.claudenexus.classification;

import java.util.Arrays;
import java.util.Optional;

/** Kind of a proxied request, as stored in the database. */
public enum RequestType {
  /** A {@code POST /v1/messages} with two or more system prompt entries, as agent tools send. */
  INFERENCE("inference"),
  /** A {@code POST /v1/messages} with at most one system prompt entry. */
  QUERY_EVALUATION("query_evaluation"),
  /** A {@code POST /v1/messages} whose last user message is the word "quota", sent to check usage limits. */
  QUOTA("quota"),
  /** A {@code POST /v1/messages/count_tokens}. */
  COUNT_TOKENS("count_tokens"),
  /** Any other method or path. */
  OTHER("other");

  private final String databaseName;

  RequestType(String databaseName) {
    this.databaseName = databaseName;
  }

  /** Returns the value stored in the database for this type. */
  public String databaseName() {
    return databaseName;
  }

  /** Returns the type stored as {@code databaseName}, or empty for an unknown value. */
  public static Optional<RequestType> fromDatabaseName(String databaseName) {
    return Arrays.stream(values()).filter(type -> type.databaseName.equals(databaseName)).findFirst();
  }
}
