package dev.claudenexus.dashboard.pages.request;

import dev.claudenexus.api.requests.RequestDetail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The header fields of the request page, formatted for display. */
public final class RequestHeader {

  private final RequestDetail detail;

  RequestHeader(RequestDetail detail) {
    this.detail = detail;
  }

  public String getRequestId() {
    return detail.requestId().toString();
  }

  /** Returns the conversation id, or {@code null} when the request is in none. */
  public String getConversationId() {
    return text(detail.linking().conversationId());
  }

  public String getConversationHref() {
    UUID conversation = detail.linking().conversationId();
    return conversation == null ? null : "/dashboard/conversation/" + conversation;
  }

  /** Returns the path of the conversation page filtered to this request's branch. */
  public String getBranchHref() {
    UUID conversation = detail.linking().conversationId();
    String branch = detail.linking().branchId();
    return conversation == null || branch == null ? null
        : "/dashboard/conversation/" + conversation + "?branch="
            + URLEncoder.encode(branch, StandardCharsets.UTF_8);
  }

  public String getParentRequestId() {
    return text(detail.linking().parentRequestId());
  }

  public String getParentHref() {
    UUID parent = detail.linking().parentRequestId();
    return parent == null ? null : "/dashboard/request/" + parent;
  }

  /** Returns the request whose sub-agent call started this request, or {@code null}. */
  public String getParentTaskRequestId() {
    return text(detail.linking().parentTaskRequestId());
  }

  public String getParentTaskHref() {
    UUID task = detail.linking().parentTaskRequestId();
    return task == null ? null : "/dashboard/request/" + task;
  }

  public String getBranch() {
    return detail.linking().branchId();
  }

  public String getDomain() {
    return detail.domain();
  }

  public String getModel() {
    return detail.model();
  }

  public String getTimestamp() {
    return DisplayFormats.time(detail.timestamp());
  }

  public String getInputTokens() {
    return DisplayFormats.count(detail.tokens().input());
  }

  public String getOutputTokens() {
    return DisplayFormats.count(detail.tokens().output());
  }

  public String getTotalTokens() {
    return DisplayFormats.count(detail.tokens().total());
  }

  public String getCacheReadTokens() {
    return DisplayFormats.count(detail.tokens().cacheRead());
  }

  public String getCacheWriteTokens() {
    return DisplayFormats.count(detail.tokens().cacheCreation());
  }

  public String getCost() {
    return DisplayFormats.usd(detail.costUsd());
  }

  public String getDuration() {
    return DisplayFormats.duration(
        detail.durationMs() == null ? null : detail.durationMs().longValue());
  }

  /** Returns the HTTP status and the outcome, such as {@code 200 · complete}. */
  public String getStatus() {
    String status = detail.responseStatus() == null ? "no status"
        : detail.responseStatus().toString();
    return detail.outcome() == null ? status : status + " · " + detail.outcome();
  }

  /** Returns whether the request failed: an error status or an outcome other than complete. */
  public boolean isFailed() {
    return RequestOutcomes.failed(detail.responseStatus(), detail.outcome());
  }

  /** Returns the stored error message, or {@code null}. */
  public String getError() {
    return detail.error() == null ? null : ShownText.cutTo(detail.error(), 2_000).text();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
