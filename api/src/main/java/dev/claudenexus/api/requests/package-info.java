/**
 * Stored requests over {@code /api/requests}: the newest-first list with {@code limit}/{@code offset}
 * and a keyset {@code cursor}, one request with its bodies and streaming chunks, and a Server-Sent
 * Events stream of requests as they are stored. Each port returns its original's shape. {@link
 * dev.claudenexus.api.requests.RequestDetailQuery} reads one request with every column for the
 * dashboard's request page.
 */
package dev.claudenexus.api.requests;
