/**
 * OAuth credentials (Claude Max accounts): access tokens are refreshed 60 s before they expire, one
 * refresh at a time per domain, and the rotated token pair is written back to the credential file
 * atomically, keeping every other field of the file.
 */
package dev.claudenexus.proxy.oauth;
