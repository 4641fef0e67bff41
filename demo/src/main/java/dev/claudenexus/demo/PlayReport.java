package dev.claudenexus.demo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Summary of one play of the demo.
 *
 * @param sessions the number of sessions played
 * @param requests the requests sent through the proxy
 * @param elapsed the time from the first request to the end of the last response
 */
public record PlayReport(int sessions, List<PlayedRequest> requests, Duration elapsed) {

  public PlayReport {
    requests = List.copyOf(requests);
  }

  /** Returns one line for the user, such as "Played 7 Claude Code sessions: 41 requests (...) in 3.2 s". */
  public String summary() {
    long streamed = requests.stream().filter(PlayedRequest::streamed).count();
    long failed = requests.stream().filter(PlayedRequest::failed).count();
    return String.format(Locale.ROOT,
        "Played %d Claude Code sessions through the proxy: %d requests (%d streamed, %d failed on purpose) in %.1f s",
        sessions, requests.size(), streamed, failed, elapsed.toMillis() / 1000.0);
  }
}
