package dev.claudenexus.dashboard.pages.request;

import dev.claudenexus.api.requests.RequestDetail;
import java.util.ArrayList;
import java.util.List;

/** The stored columns of a request that its page lists under metadata. */
final class RequestMetadata {

  private RequestMetadata() {}

  static List<NameValue> of(RequestDetail detail) {
    RequestDetail.Linking linking = detail.linking();
    List<NameValue> fields = new ArrayList<>();
    add(fields, "Method", detail.method());
    add(fields, "Path", detail.path());
    add(fields, "Query string", detail.queryString());
    add(fields, "Request type", detail.requestType());
    add(fields, "Account", detail.accountId());
    add(fields, "Outcome", detail.outcome());
    add(fields, "Error type", detail.errorType());
    add(fields, "Error", detail.error());
    add(fields, "Messages in the request", Integer.toString(linking.messageCount()));
    add(fields, "Tool calls in the response", Integer.toString(linking.toolCallCount()));
    add(fields, "Sub-agent request", linking.subtask() ? "yes" : "no");
    add(fields, "Launched by", text(linking.parentTaskRequestId()));
    add(fields, "Message hash", linking.currentMessageHash());
    add(fields, "Parent message hash", linking.parentMessageHash());
    add(fields, "System hash", linking.systemHash());
    add(fields, "Hash mode", linking.hashMode());
    add(fields, "Client session", linking.sessionId());
    add(fields, "Sub-agent launches", detail.documents().taskToolInvocation());
    return fields;
  }

  private static void add(List<NameValue> fields, String name, String value) {
    if (value != null && !value.isBlank()) {
      fields.add(new NameValue(name, ShownText.cutTo(value, 20_000).text()));
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
