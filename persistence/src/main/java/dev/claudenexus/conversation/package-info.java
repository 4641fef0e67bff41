/**
 * Conversation tracking: the message, parent and system hashes of a Messages API request, and the
 * linker that uses them to place the request in a conversation, on a branch, after its parent.
 * {@link dev.claudenexus.conversation.HashMode#ORIGINAL} reproduces the hashes of the original
 * TypeScript proxy byte for byte, so rows it stored keep linking;
 * {@link dev.claudenexus.conversation.HashMode#CURRENT} adds the rules that Claude Code 2.1 traffic
 * needs. Hashing reads only the request body. Linking queries a {@link
 * dev.claudenexus.conversation.LinkLookup} about earlier requests: recent ones in memory, the rest in
 * the database.
 */
package dev.claudenexus.conversation;
