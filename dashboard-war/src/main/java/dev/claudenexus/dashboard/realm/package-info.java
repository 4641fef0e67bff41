/**
 * The dashboard realm: one Jakarta Security mechanism that accepts the dashboard key as a header
 * (for scripts) or a server-side session started by the login form (for browsers), and grants the
 * roles {@code viewer} and {@code admin}. The key never leaves the server in a cookie; a session's
 * state-changing requests need its CSRF token. Without a key the realm authenticates no caller and the
 * API is read-only.
 */
package dev.claudenexus.dashboard.realm;
