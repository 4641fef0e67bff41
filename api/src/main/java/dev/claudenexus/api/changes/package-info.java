/**
 * Tells a war's readers, such as the response cache and the stream of new requests, that stored data
 * changed: on PostgreSQL by the notices writers send when a transaction commits, on H2 by watching
 * the request table.
 */
package dev.claudenexus.api.changes;
