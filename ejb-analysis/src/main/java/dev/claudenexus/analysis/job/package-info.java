/**
 * The Jakarta Batch job {@value dev.claudenexus.analysis.job.AnalysisJob#NAME} and the worker that
 * starts it. Each partition of its one chunk step claims pending analyses one at a time, builds the
 * prompt, calls the model and stores the result. A checkpoint follows every item, so a stopped run
 * restarts with what it had not finished. The worker runs only in the proxy, when
 * {@code AI_WORKER_ENABLED=true}.
 */
package dev.claudenexus.analysis.job;
