package dev.claudenexus.dashboard.pages.conversation;

/**
 * The box beside a request in the tree for one sub-agent it launched: "sub-task N (M)".
 *
 * @param number N, the number of the sub-task's {@code subtask_<n>} branch, or the launch's
 *     position when the sub-task is on no such branch
 * @param requests M, the requests of the sub-agent, 0 when none was stored
 * @param href the conversation page filtered to the sub-task's branch, or {@code null} without
 *     requests
 * @param prompt the task prompt, shown as the box's tooltip; may be empty
 */
public record SubtaskBox(int number, long requests, String href, String prompt) {

  public String label() {
    return "sub-task " + number + " (" + requests + ")";
  }
}
