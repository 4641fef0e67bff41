/**
 * Conversation tracking: the message, parent and system hashes that link a Messages API request to
 * the earlier request it continues. {@link dev.claudenexus.conversation.HashMode#ORIGINAL} reproduces
 * the hashes of the original TypeScript proxy byte for byte, so rows it stored keep linking.
 * {@link dev.claudenexus.conversation.HashMode#CURRENT} adds the rules that Claude Code 2.1 traffic
 * needs. Hashing is pure: it reads only the request body and never the database.
 */
package dev.claudenexus.conversation;
