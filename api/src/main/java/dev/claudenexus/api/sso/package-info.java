/**
 * OpenID Connect single sign-on shared by both wars: the provider's metadata and keys, discovered
 * from the issuer and cached, validation of ID tokens and bearer tokens (issuer, audience, expiry,
 * signature, and the nonce of a login), and the mapping of the provider's groups onto the roles
 * {@code admin} and {@code viewer}. The dashboard runs the login flow on top of it.
 */
package dev.claudenexus.api.sso;
