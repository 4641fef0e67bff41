/**
 * OAuth credentials of Claude Max accounts. Access tokens are refreshed 60 s before they expire, one
 * refresh at a time per domain. The rotated token pair is written back to the credential file
 * atomically, and every other field of the file is kept.
 */
package dev.claudenexus.proxy.oauth;
