package dev.claudenexus.audit;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The action an audit event records. {@link #code} is the stored and filtered value. */
public enum AuditAction {
  REQUEST_VIEW("request.view"),
  CONVERSATION_VIEW("conversation.view"),
  ANALYSIS_VIEW("analysis.view"),
  ANALYSIS_REQUEST("analysis.request"),
  SPARK_FEEDBACK("spark.feedback"),
  MCP_SYNC("mcp.sync"),
  LOGIN("login"),
  LOGOUT("logout"),
  LOGIN_FAILED("login.failed");

  private final String code;

  AuditAction(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Returns the action with the stored value {@code code}, if there is one. */
  public static Optional<AuditAction> fromCode(String code) {
    return Arrays.stream(values()).filter(action -> action.code.equals(code)).findFirst();
  }

  /** Returns every stored value, comma-separated, for error messages and filter lists. */
  public static String codes() {
    return Arrays.stream(values()).map(AuditAction::code).collect(Collectors.joining(", "));
  }
}
