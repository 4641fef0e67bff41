package dev.claudenexus.analysis.model;

import dev.claudenexus.analysis.prompt.Turn;
import java.util.List;

/**
 * A language model that writes analyses. The job depends only on this interface, so another provider
 * (Claude through this proxy, for example) needs only another implementation.
 */
public interface AnalysisModel {

  /** Returns the model's name, stored as {@code model_used}. */
  String name();

  /**
   * Sends the turns and returns the model's reply.
   *
   * @throws ModelCallException when the call fails, times out or returns no text
   */
  ModelReply generate(List<Turn> contents) throws ModelCallException;
}
