/**
 * The analysis panel of the conversation page: the branch's analysis in one of its states (none yet,
 * pending or processing, completed, failed), rendered from the stored JSON. Its buttons call
 * {@code /api/analyses} from {@code analysis.js}, which follows the status on the live stream.
 */
package dev.claudenexus.dashboard.pages.analysis;
