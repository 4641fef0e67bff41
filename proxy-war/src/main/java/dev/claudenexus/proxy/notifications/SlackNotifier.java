package dev.claudenexus.proxy.notifications;

import dev.claudenexus.proxy.ProxySettings;
import dev.claudenexus.credentials.CredentialFile;
import dev.claudenexus.proxy.credentials.CredentialStore;
import dev.claudenexus.proxy.forwarding.RequestCompleted;
import dev.claudenexus.proxy.outbound.EndpointUrls;
import dev.claudenexus.proxy.outbound.JsonPoster;
import dev.claudenexus.proxy.outbound.ManagedThreads;
import dev.claudenexus.proxy.outbound.OutboundQueue;
import dev.claudenexus.proxy.outbound.RateLimitedLog;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Sends Slack messages for finished requests. The request thread only checks whether a request may
 * get one and queues it; two worker threads resolve the destination, build and post the message,
 * each post limited to {@link #POST_TIMEOUT} in all.
 */
@ApplicationScoped
public class SlackNotifier {

  static final Duration POST_TIMEOUT = Duration.ofSeconds(5);
  static final int WORKERS = 2;
  static final int QUEUE_CAPACITY = 1000;

  private static final Logger LOG = Logger.getLogger(SlackNotifier.class.getName());

  @Inject ProxySettings settings;
  @Inject CredentialStore credentials;

  private final RateLimitedLog failureWarning = new RateLimitedLog(LOG, Duration.ofMinutes(1));
  private OutboundQueue queue;
  private JsonPoster poster;
  private SlackNotices notices;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    Optional<SlackDestination> global = globalDestination();
    notices = new SlackNotices(new SlackDestinations(global,
        domain -> credentials.forDomain(domain).flatMap(CredentialFile::enabledSlack),
        settings.slackUsername(), settings.slackIconEmoji()));
    poster = new JsonPoster(POST_TIMEOUT);
    queue = new OutboundQueue("Slack", WORKERS, QUEUE_CAPACITY, ManagedThreads.factory());
    LOG.info(() -> "Slack messages go to " + (global.isPresent() ? "the global webhook" : "no global webhook")
        + " and to the webhooks of credential files");
  }

  void onCompleted(@Observes RequestCompleted completed) {
    if (queue != null && SlackNotices.candidate(completed)) {
      queue.offer(() -> deliver(completed));
    }
  }

  private void deliver(RequestCompleted completed) {
    Optional<SlackNotices.Notice> notice = notices.noticeFor(completed);
    if (notice.isEmpty()) {
      return;
    }
    try {
      int status = poster.post(notice.get().destination().webhookUrl(), notice.get().payload().toString());
      if (status < 200 || status >= 300) {
        failureWarning.warning("Slack answered HTTP " + status + " to the message of request "
            + completed.record().requestId());
      }
    } catch (IOException e) {
      failureWarning.warning("Sending the Slack message of request " + completed.record().requestId()
          + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  Optional<SlackDestination> globalDestination() {
    Optional<String> url = settings.slackWebhookUrl();
    if (!settings.slackEnabled()) {
      return Optional.empty();
    }
    if (url.isEmpty()) {
      LOG.warning("SLACK_ENABLED=true but SLACK_WEBHOOK_URL is not set: only the webhooks of"
          + " credential files receive messages");
      return Optional.empty();
    }
    try {
      return Optional.of(new SlackDestination(EndpointUrls.secure(url.get()),
          settings.slackChannel().orElse(null), settings.slackUsername(), settings.slackIconEmoji()));
    } catch (IllegalArgumentException e) {
      LOG.warning("SLACK_WEBHOOK_URL is ignored and no global Slack messages are sent: " + e.getMessage());
      return Optional.empty();
    }
  }

  @PreDestroy
  void stop() {
    if (queue != null) {
      queue.close();
    }
  }
}
