package dev.claudenexus.launcher;

import java.io.PrintStream;
import java.util.UUID;

/** The lines that {@code copy-conversation} prints about its plan and its result. */
final class CopyReport {

  private CopyReport() {}

  static void plan(CopyPlan plan, PrintStream out) {
    out.println("api_requests: " + plan.requests().size() + " to copy, " + plan.present().size()
        + " already at the destination (" + plan.storedRequests() + " stored at the source)");
    out.println("task_invocations: " + plan.taskInvocations() + " to copy");
    out.println(plan.includesChunks()
        ? "streaming_chunks: " + plan.chunks() + " to copy"
        : "streaming_chunks: left out; add " + CopyOptions.INCLUDE_CHUNKS + " to copy them");
    if (!plan.requests().isEmpty()) {
      out.println("Requests to copy:");
      for (UUID id : plan.requests()) {
        out.println("  " + id);
      }
    }
    if (!plan.cleared().isEmpty()) {
      out.println("References to requests that are neither copied nor at the destination, which"
          + " the copies get as NULL:");
      for (CopyPlan.ClearedReference reference : plan.cleared()) {
        out.println("  " + reference.requestId() + " " + reference.column() + " -> "
            + reference.referencedId());
      }
    }
  }

  static void result(ConversationCopier.CopyResult result, boolean includesChunks, PrintStream out) {
    String rows = includesChunks
        ? result.requests().size() + " requests, " + result.taskInvocations()
            + " task invocations and " + result.chunks() + " streaming chunks"
        : result.requests().size() + " requests and " + result.taskInvocations() + " task invocations";
    out.println("Copied " + rows + " in one transaction, and added the requests to the"
        + " destination's usage rollups.");
  }
}
