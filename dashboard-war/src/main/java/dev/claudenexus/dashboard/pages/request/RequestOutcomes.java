package dev.claudenexus.dashboard.pages.request;

/** Decides from the stored status and outcome whether a request failed. */
public final class RequestOutcomes {

  private RequestOutcomes() {}

  /**
   * Returns whether the request failed: an HTTP status of 400 or more, or a stored outcome other
   * than {@code complete} (an error event in a stream, a timeout, a stream cut short).
   */
  public static boolean failed(Integer responseStatus, String outcome) {
    if (responseStatus != null && responseStatus >= 400) {
      return true;
    }
    return outcome != null && !outcome.equals("complete");
  }
}
