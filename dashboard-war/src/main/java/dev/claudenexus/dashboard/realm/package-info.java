/**
 * The dashboard realm: one Jakarta Security mechanism that accepts the dashboard key as a header
 * (for scripts), a token of the single sign-on provider as a bearer header, or a server-side session
 * started by the login form with the key or through single sign-on (for browsers). The key grants
 * the roles {@code viewer} and {@code admin}; single sign-on maps the user's groups onto them. Neither
 * the key nor a provider token ever leaves the server in a cookie, and a session's state-changing
 * requests need its CSRF token. Without a key and single sign-on the realm authenticates no caller
 * and the API is read-only.
 */
package dev.claudenexus.dashboard.realm;
