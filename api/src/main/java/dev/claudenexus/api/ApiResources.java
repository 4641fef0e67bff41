package dev.claudenexus.api;

import dev.claudenexus.api.access.ApiAccessFilter;
import dev.claudenexus.api.analyses.AnalysesResource;
import dev.claudenexus.api.analyses.AnalysisStreamResource;
import dev.claudenexus.api.access.CorsFilter;
import dev.claudenexus.api.access.SecurityHeaders;
import dev.claudenexus.api.audit.AuditCsvResource;
import dev.claudenexus.api.audit.AuditResource;
import dev.claudenexus.api.audit.AuditResponseFilter;
import dev.claudenexus.api.cache.CachedReads;
import dev.claudenexus.api.conversations.ConversationsResource;
import dev.claudenexus.api.costs.CostsResource;
import dev.claudenexus.api.domains.DomainsResource;
import dev.claudenexus.api.errors.ApiExceptionMapper;
import dev.claudenexus.api.hourly.HourlyUsageResource;
import dev.claudenexus.api.mcp.McpResource;
import dev.claudenexus.api.metrics.ApiRequestMeter;
import dev.claudenexus.api.metrics.EndpointTemplates;
import dev.claudenexus.api.metrics.MetricsResource;
import dev.claudenexus.api.spark.SparkResource;
import dev.claudenexus.api.requests.RequestStreamResource;
import dev.claudenexus.api.requests.RequestsResource;
import dev.claudenexus.api.stats.DashboardStatsResource;
import dev.claudenexus.api.stats.StatsResource;
import dev.claudenexus.api.stats.StorageStatsResource;
import dev.claudenexus.api.subtasks.SubtasksResource;
import dev.claudenexus.api.tokenusage.SlidingWindowResource;
import dev.claudenexus.api.tokenusage.TokenUsageHistoryResource;
import dev.claudenexus.api.usage.TokenUsageResource;
import java.util.Set;

/**
 * The resource and filter classes of {@code /api/*}. Each war registers them in a JAX-RS application at
 * {@code api}, listed explicitly, so its other applications do not pick them up by scanning.
 */
public final class ApiResources {

  private ApiResources() {}

  public static Set<Class<?>> classes() {
    return Set.of(CorsFilter.class, ApiAccessFilter.class, SecurityHeaders.class,
        ApiExceptionMapper.class, CachedReads.class, DomainsResource.class, RequestsResource.class,
        RequestStreamResource.class, TokenUsageResource.class, StatsResource.class,
        StorageStatsResource.class, DashboardStatsResource.class, CostsResource.class,
        TokenUsageHistoryResource.class, SlidingWindowResource.class, HourlyUsageResource.class,
        ConversationsResource.class, SubtasksResource.class, McpResource.class, SparkResource.class,
        AnalysesResource.class, AnalysisStreamResource.class, ApiRequestMeter.class,
        EndpointTemplates.class, MetricsResource.class, AuditResource.class, AuditCsvResource.class,
        AuditResponseFilter.class);
  }
}
