package dev.claudenexus.api.metrics;

import dev.claudenexus.analysis.AnalysisStatus;
import dev.claudenexus.api.analyses.AnalysisEvents;
import dev.claudenexus.api.requests.RequestEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Registers the gauges both wars share when the war starts: open event streams
 * ({@code nexus_sse_connections} by stream) and analyses by state ({@code nexus_analysis_jobs}).
 */
@ApplicationScoped
public class ApiMeters {

  @Inject NexusMetrics metrics;
  @Inject RequestEvents requestEvents;
  @Inject AnalysisEvents analysisEvents;

  private final AnalysisJobCounts analyses = new AnalysisJobCounts();

  void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
    MeterRegistry registry = metrics.registry();
    // A gauge keeps only a weak reference to its object, so the objects are the fields of this application-scoped
    // bean, which live as long as the war.
    Gauge.builder("nexus.sse.connections", requestEvents, RequestEvents::connections)
        .description("Open event streams of the JSON API")
        .tag("stream", "requests")
        .register(registry);
    Gauge.builder("nexus.sse.connections", analysisEvents, AnalysisEvents::connections)
        .description("Open event streams of the JSON API")
        .tag("stream", "analyses")
        .register(registry);
    for (AnalysisStatus status : AnalysisStatus.values()) {
      Gauge.builder("nexus.analysis.jobs", analyses, counts -> counts.count(status))
          .description("Conversation analyses by state, counted in the database at most every 10 s")
          .tag("state", status.value())
          .register(registry);
    }
  }
}
