package dev.claudenexus.proxy.forwarding;

/**
 * The facts the proxy records about a request body that is a JSON object. {@link JsonBodyScanner} reads
 * it in one streaming pass instead of building the object tree. As in a parsed {@code JsonObject},
 * the last value of a repeated key counts.
 *
 * @param model the top-level {@code model} when it is a string, else {@code null}
 * @param stream whether the top-level {@code stream} is {@code true}
 * @param messagesArray whether the top-level {@code messages} is an array
 * @param messageCount the number of elements of that array, or 0
 * @param systemEntryCount the length of a {@code system} array, or 1 for a non-empty {@code system}
 *     string, plus the number of messages with role {@code system}
 * @param lastUserTextIsQuota whether the text of the last message with role {@code user} is "quota"
 *     by the rule of {@code RequestClassifier.isQuotaText}
 */
record JsonBodySummary(
    String model,
    boolean stream,
    boolean messagesArray,
    int messageCount,
    int systemEntryCount,
    boolean lastUserTextIsQuota) {}
