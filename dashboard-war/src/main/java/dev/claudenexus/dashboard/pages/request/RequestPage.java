package dev.claudenexus.dashboard.pages.request;

import dev.claudenexus.api.audit.AuditTrail;
import dev.claudenexus.api.requests.RequestDetail;
import dev.claudenexus.api.requests.RequestDetailQuery;
import dev.claudenexus.api.requests.StreamChunk;
import dev.claudenexus.api.spark.SparkSettings;
import dev.claudenexus.audit.AuditAction;
import dev.claudenexus.dashboard.pages.PageAudit;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The request page {@code /dashboard/request/{id}}: the header of one stored request and one of
 * three views, chosen by {@code ?view=}: the conversation as cards ({@code conversation}, the
 * default), the stored documents ({@code raw}), and headers and metadata ({@code headers}). An id
 * that is not a UUID gets status 400, an unknown one 404.
 */
@Named
@RequestScoped
public class RequestPage {

  /** Stream chunks the raw view shows. */
  static final int MAX_CHUNKS = 2_000;

  @Inject AuditTrail audit;

  private String id;
  private String view;
  private String order;
  private String spark;
  private SparkFeedbacks sparkFeedbacks;
  private boolean loaded;
  private UUID requestId;
  private RequestDetail detail;
  private ConversationView conversation;
  private List<StreamChunk> chunks;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getView() {
    return view;
  }

  public void setView(String view) {
    this.view = view;
  }

  public String getSpark() {
    return spark;
  }

  public void setSpark(String spark) {
    this.spark = spark;
  }

  /** Returns the notice after the feedback form was sent ({@code ?spark=}), or {@code null}. */
  public String getSparkNotice() {
    return SparkFeedbackNotices.of(spark);
  }

  /**
   * Returns the feedback on the page's Spark recommendations, read from Spark with one call on
   * first use.
   */
  public SparkFeedbacks getSparkFeedback() throws SQLException {
    if (sparkFeedbacks == null) {
      List<String> sessionIds = new ArrayList<>();
      for (MessageCard card : getConversation().messages()) {
        for (MessageBlock block : card.blocks()) {
          if (block instanceof MessageBlock.Spark recommendation) {
            sessionIds.add(recommendation.sessionId());
          }
        }
      }
      sparkFeedbacks = SparkFeedbacks.read(sessionIds, SparkSettings.current());
    }
    return sparkFeedbacks;
  }

  /** Returns the view to render: {@code conversation}, {@code raw} or {@code headers}. */
  public String getSelectedView() throws SQLException {
    ensureLoaded();
    return RequestViews.parse(view);
  }

  public String getOrder() {
    return order;
  }

  public void setOrder(String order) {
    this.order = order;
  }

  /** Returns the order of the conversation view: {@code newest} first or {@code oldest} first. */
  public String getSelectedOrder() throws SQLException {
    ensureLoaded();
    return isOldestFirst() ? "oldest" : "newest";
  }

  private boolean isOldestFirst() {
    return "oldest".equals(order);
  }

  /** Reads the request, sets the status of a page that has none to show, and audits the view. */
  public void load() throws SQLException {
    ensureLoaded();
    int status = 200;
    if (isInvalidId()) {
      status = 400;
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
    } else if (detail == null) {
      status = 404;
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
    }
    audit.record(PageAudit.request(), AuditAction.REQUEST_VIEW, id, status);
  }

  /** Returns the page title: the short request id, or why there is nothing to show. */
  public String getTitle() throws SQLException {
    ensureLoaded();
    if (requestId == null) {
      return "Invalid request id";
    }
    return detail == null ? "Request not found" : "Request " + DisplayFormats.shortId(requestId);
  }

  /** Returns whether the id in the path is not a UUID. */
  public boolean isInvalidId() throws SQLException {
    ensureLoaded();
    return requestId == null;
  }

  /** Returns whether a request with the id exists. */
  public boolean isFound() throws SQLException {
    ensureLoaded();
    return detail != null;
  }

  public RequestDetail getDetail() throws SQLException {
    ensureLoaded();
    return detail;
  }

  /** Returns the header fields of the request. */
  public RequestHeader getHeader() throws SQLException {
    ensureLoaded();
    return new RequestHeader(detail);
  }

  /** Returns the cards of the conversation view, in the chosen order. */
  public List<MessageCard> getCards() throws SQLException {
    List<MessageCard> cards = new ArrayList<>(getConversation().messages());
    if (!isOldestFirst()) {
      Collections.reverse(cards);
    }
    return cards;
  }

  public ConversationView getConversation() throws SQLException {
    ensureLoaded();
    if (conversation == null) {
      conversation = MessageCardReader.read(detail.documents().requestBody(),
          detail.documents().responseBody());
    }
    return conversation;
  }

  /** Returns the stored JSON documents of the raw view. */
  public List<RawDocument> getRawDocuments() throws SQLException {
    ensureLoaded();
    RequestDetail.Documents documents = detail.documents();
    return List.of(
        RawDocument.of("raw-request", "Request body", documents.requestBody()),
        RawDocument.of("raw-response", "Response body", documents.responseBody()),
        RawDocument.of("raw-usage", "Usage", documents.usageData()));
  }

  /** Returns the first {@value #MAX_CHUNKS} stream chunks, read once. */
  public List<StreamChunk> getChunks() throws SQLException {
    ensureLoaded();
    if (chunks == null) {
      try (Connection connection = DataSources.nexus().getConnection()) {
        chunks = new RequestDetailQuery(connection).chunks(requestId, MAX_CHUNKS + 1);
      }
    }
    return chunks.size() > MAX_CHUNKS ? chunks.subList(0, MAX_CHUNKS) : chunks;
  }

  /** Returns whether the request has more chunks than the raw view shows. */
  public boolean isChunksCut() throws SQLException {
    getChunks();
    return chunks.size() > MAX_CHUNKS;
  }

  /** Returns a chunk's data cut to a length a page can show. */
  public ShownText chunkData(StreamChunk chunk) {
    return ShownText.cutTo(chunk.data() == null ? "" : chunk.data(), 4_000);
  }

  /** Returns the UTC time of day of a chunk, with milliseconds. */
  public String clock(OffsetDateTime time) {
    return DisplayFormats.clockMillis(time);
  }

  public List<NameValue> getRequestHeaders() throws SQLException {
    ensureLoaded();
    return NameValue.fieldsOf(detail.documents().requestHeaders());
  }

  public List<NameValue> getResponseHeaders() throws SQLException {
    ensureLoaded();
    return NameValue.fieldsOf(detail.documents().responseHeaders());
  }

  /** Returns the stored columns that the header does not show. */
  public List<NameValue> getMetadata() throws SQLException {
    ensureLoaded();
    return RequestMetadata.of(detail);
  }

  /** Returns the path of this page with another view, keeping the order. */
  public String viewHref(String otherView) {
    String base = "/dashboard/request/" + requestId;
    String query = RequestViews.CONVERSATION.equals(otherView) ? "" : "?view=" + otherView;
    return isOldestFirst()
        ? base + (query.isEmpty() ? "?" : query + "&") + "order=oldest" : base + query;
  }

  /** Returns the path of the conversation view in the other order. */
  public String getOtherOrderHref() {
    String base = "/dashboard/request/" + requestId;
    return isOldestFirst() ? base : base + "?order=oldest";
  }

  private void ensureLoaded() throws SQLException {
    if (loaded) {
      return;
    }
    loaded = true;
    Optional<UUID> parsed = RequestIds.parse(id);
    if (parsed.isEmpty()) {
      return;
    }
    requestId = parsed.get();
    try (Connection connection = DataSources.nexus().getConnection()) {
      detail = new RequestDetailQuery(connection).find(requestId).orElse(null);
    }
  }
}
