package dev.claudenexus.proxy.forwarding;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.classification.RequestClassifier;
import dev.claudenexus.classification.RequestType;
import dev.claudenexus.pricing.CostCalculator;
import dev.claudenexus.proxy.masking.SecretMasker;
import dev.claudenexus.proxy.recording.RecordedResponse;
import dev.claudenexus.proxy.recording.StreamChunk;
import dev.claudenexus.storage.RequestRecord;
import dev.claudenexus.usage.TokenUsage;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Builds the stored record of a request from what the proxy received, sent and relayed. */
final class RecordFactory {

  private final CostCalculator costs;

  RecordFactory(CostCalculator costs) {
    this.costs = costs;
  }

  /** Returns the record of a request that reached the Anthropic API. */
  RequestRecord relayed(InboundRequest in, UpstreamAuth auth, int attempts, RelayResult relay) {
    RecordedResponse r = relay.recorded();
    String model = r.model() != null ? r.model() : requestModel(in);
    BigDecimal cost = model == null ? null
        : costs.costUsd(model, r.usage(), r.usageJson(), in.timestamp().toInstant()).orElse(null);
    // Error texts and error bodies are diagnostics that an upstream or a client may fill with a key,
    // so they are stored masked. Successful response bodies are stored as received.
    String error = SecretMasker.mask(r.errorMessage() != null ? r.errorMessage() : r.incompleteReason());
    String responseBody = relay.status() >= 400 ? SecretMasker.mask(r.responseBody()) : r.responseBody();
    return new RequestRecord(in.requestId(), in.domain(), in.timestamp(), in.method(), in.path(),
        in.query(), storedHeaders(in.headers()), bodyText(in), in.clientKeyHash(),
        auth == null ? null : auth.accountId(), model, requestType(in), messageCount(in),
        relay.status(), headersJson(relay.headers()), responseBody, r.streaming(), r.usage(),
        r.usageJson() == null ? null : r.usageJson().toString(), cost, relay.firstByteMs(),
        (int) in.elapsedMillis(), r.outcome().name().toLowerCase(Locale.ROOT), r.errorType(), error,
        r.toolCallCount(), attempts, chunks(r.chunks()));
  }

  /** Returns the record of a request that the proxy rejected itself or could not forward. */
  RequestRecord failed(InboundRequest in, UpstreamAuth auth, int status, String errorType,
      String message, int attempts) {
    String outcome = status == 504 ? "timeout" : "error";
    return new RequestRecord(in.requestId(), in.domain(), in.timestamp(), in.method(), in.path(),
        in.query(), storedHeaders(in.headers()), bodyText(in), in.clientKeyHash(),
        auth == null ? null : auth.accountId(), requestModel(in), requestType(in), messageCount(in),
        status, null, null, in.streamRequested(), TokenUsage.NONE, null, null, null,
        (int) in.elapsedMillis(), outcome, errorType, SecretMasker.mask(message), 0, attempts, List.of());
  }

  static String requestType(InboundRequest in) {
    JsonBodySummary summary = in.summary();
    RequestType type = summary == null
        ? RequestClassifier.classify(in.method(), in.path(), 0, false)
        : RequestClassifier.classify(in.method(), in.path(), summary.systemEntryCount(),
            summary.lastUserTextIsQuota());
    return type.databaseName();
  }

  private static String requestModel(InboundRequest in) {
    return in.summary() == null ? null : in.summary().model();
  }

  private static int messageCount(InboundRequest in) {
    return in.summary() == null ? 0 : in.summary().messageCount();
  }

  private static String bodyText(InboundRequest in) {
    return in.summary() == null ? null : new String(in.body(), StandardCharsets.UTF_8);
  }

  private static String storedHeaders(Map<String, List<String>> headers) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    headers.forEach((name, values) -> {
      if (HeaderRules.storable(name)) {
        json.add(name, String.join(", ", values));
      }
    });
    return json.build().toString();
  }

  private static String headersJson(Map<String, List<String>> headers) {
    return storedHeaders(lowerCase(headers));
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
    return lower;
  }

  private static List<RequestRecord.StoredChunk> chunks(List<StreamChunk> chunks) {
    return chunks.stream()
        .map(c -> new RequestRecord.StoredChunk(c.index(), c.receivedAt(), c.event(), c.data()))
        .toList();
  }
}
