/**
 * {@code GET /api/conversations}: conversations newest first, each summarised from its requests. A
 * page is found from the latest request of each conversation, walking the timestamp index from a
 * keyset cursor, so a deep page costs about as much as the first. {@link
 * dev.claudenexus.api.conversations.ConversationRequestsQuery} reads one conversation's requests for
 * the dashboard's conversation page.
 */
package dev.claudenexus.api.conversations;
