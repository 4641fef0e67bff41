package dev.claudenexus.classification;

import jakarta.json.JsonObject;

/**
 * Classifies a proxied request by method, path and body.
 *
 * <p>Only {@code POST /v1/messages} is split further. A last user message whose trimmed text is
 * "quota" (in any case) makes it {@link RequestType#QUOTA}. Otherwise two or more system prompt entries
 * (see {@link MessagesBody#systemEntryCount()}) make it {@link RequestType#INFERENCE}, and fewer make it
 * {@link RequestType#QUERY_EVALUATION}. Agent tools such as Claude Code send several system entries,
 * while a one-off question sends at most one.
 */
public final class RequestClassifier {

  private static final String MESSAGES_PATH = "/v1/messages";
  private static final String COUNT_TOKENS_PATH = "/v1/messages/count_tokens";
  private static final String QUOTA_TEXT = "quota";
  private static final int MIN_INFERENCE_SYSTEM_ENTRIES = 2;

  private RequestClassifier() {}

  /**
   * Returns the type of a request. A malformed body is read as far as it goes, without throwing.
   *
   * @param method the HTTP method, compared without regard to case
   * @param path the request path without the query string (a query string that is still there is ignored)
   * @param body the parsed JSON request body, or null when the body is absent or not a JSON object
   */
  public static RequestType classify(String method, String path, JsonObject body) {
    if (!isMessagesCall(method, path)) {
      return classifyOther(method, path);
    }
    MessagesBody messages = new MessagesBody(body);
    return classify(method, path, messages.systemEntryCount(), isQuotaText(messages.lastUserText()));
  }

  /**
   * Returns the type of a request from facts about its body that the caller read, for example with
   * a streaming parser, by the same rules as {@link #classify(String, String, JsonObject)}.
   *
   * @param systemEntryCount the number of system prompt entries, counted as
   *     {@link MessagesBody#systemEntryCount()} counts them (0 when there is no body)
   * @param lastUserTextIsQuota whether {@link #isQuotaText} holds for the text of the last message
   *     with role {@code user}, read as {@link MessagesBody#lastUserText()} reads it
   */
  public static RequestType classify(String method, String path, int systemEntryCount,
      boolean lastUserTextIsQuota) {
    if (!isMessagesCall(method, path)) {
      return classifyOther(method, path);
    }
    if (lastUserTextIsQuota) {
      return RequestType.QUOTA;
    }
    return systemEntryCount >= MIN_INFERENCE_SYSTEM_ENTRIES
        ? RequestType.INFERENCE
        : RequestType.QUERY_EVALUATION;
  }

  /**
   * Returns whether a message text is "quota" in any case once trimmed. It compares without
   * lower-casing, so a long prompt is not copied (trim copies only when the ends have whitespace).
   */
  public static boolean isQuotaText(String text) {
    return text.trim().equalsIgnoreCase(QUOTA_TEXT);
  }

  private static boolean isMessagesCall(String method, String path) {
    return method != null && path != null && method.equalsIgnoreCase("POST")
        && withoutQuery(path).equals(MESSAGES_PATH);
  }

  private static RequestType classifyOther(String method, String path) {
    boolean countTokens = method != null && path != null && method.equalsIgnoreCase("POST")
        && withoutQuery(path).equals(COUNT_TOKENS_PATH);
    return countTokens ? RequestType.COUNT_TOKENS : RequestType.OTHER;
  }

  private static String withoutQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
