/**
 * The dashboard service on port 3001: the shared JSON API, the dashboard realm and (to come) the
 * pages.
 */
package dev.claudenexus.dashboard;
