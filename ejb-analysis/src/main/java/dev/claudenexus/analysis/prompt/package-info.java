/**
 * The prompt of an analysis: the conversation's turns read from the stored requests, cleaned of
 * personal data and of phrases that try to instruct the model, cut to the token budget from the head
 * and the tail, and followed by the analysis instruction with its JSON schema.
 */
package dev.claudenexus.analysis.prompt;
