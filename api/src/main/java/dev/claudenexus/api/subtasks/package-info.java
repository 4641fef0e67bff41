/**
 * {@code GET /api/requests/{id}/subtasks}: the sub-agent requests that a Task tool call in a request
 * started, found through their {@code parent_task_request_id}.
 */
package dev.claudenexus.api.subtasks;
