/**
 * The single sign-on login of the dashboard: the authorization code flow with PKCE, state and nonce
 * against the OpenID Connect provider, and the pages that start it, finish it and reject users in
 * none of the configured groups.
 *
 * <p>The session cookie is SameSite=Strict, so the browser does not send it with the provider's
 * redirect back to the callback, which is a cross-site navigation. The flow therefore needs no cookie
 * there: the state, nonce and PKCE verifier stay on the server in {@link PendingLogins}, keyed by the
 * state, for at most ten minutes and for one use. The callback responds with a page that moves the
 * browser on to {@code /dashboard/sso/complete}; that navigation starts from the dashboard's own
 * page, so it is same-site and carries the session cookie. The completion step checks that the
 * session is the one that started the login (a random binding stored in both), which stops an
 * attacker from finishing a login of their own in a victim's browser. A SameSite=Lax cookie for the
 * callback would also work, but Payara sets one SameSite value for every cookie of the listener.
 */
package dev.claudenexus.dashboard.sso;
