/**
 * Slack notifications of finished requests: a message per new user turn of an {@code inference}
 * request (user text, Claude's reply, tool calls, and a footer with domain, model, type, masked key
 * and tokens), and an error notice per failed request. Messages go to the domain's webhook from its
 * credential file, else to the global one, never for domains that contain {@code personal}, always
 * with secrets masked, and always off the request thread.
 */
package dev.claudenexus.proxy.notifications;
