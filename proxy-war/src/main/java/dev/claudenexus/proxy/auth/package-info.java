/**
 * The proxy realm: a servlet filter that accepts the client key of the request's domain on {@code
 * /v1/*} and {@code /mcp}, as {@code x-api-key} or {@code Authorization: Bearer}, and an identity
 * store that checks it against the domain's credential file in constant time.
 */
package dev.claudenexus.proxy.auth;
