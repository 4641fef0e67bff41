package dev.claudenexus.analysis.job;

import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;

/** Splits the step into one partition per analysis in flight, each on its own thread. */
@Named
@Dependent
public class AnalysisPartitionMapper implements PartitionMapper {

  @Inject JobContext job;

  @Override
  public PartitionPlan mapPartitions() {
    Properties parameters = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
    int partitions = Integer.parseInt(parameters.getProperty(AnalysisJob.PARTITIONS, "1"));
    Properties[] properties = new Properties[partitions];
    for (int i = 0; i < partitions; i++) {
      properties[i] = new Properties();
      properties[i].setProperty(AnalysisJob.PARTITION, Integer.toString(i));
    }
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(partitions);
    plan.setThreads(partitions);
    plan.setPartitionProperties(properties);
    return plan;
  }
}
