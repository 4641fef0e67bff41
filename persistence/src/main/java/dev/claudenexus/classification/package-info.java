/**
 * Classification of proxied requests by method, path and body into the request types stored with each
 * request: inference, query evaluation, quota check, token counting, or other.
 */
package dev.claudenexus.classification;
