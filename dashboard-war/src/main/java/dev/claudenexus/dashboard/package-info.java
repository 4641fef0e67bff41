/**
 * The dashboard service on port 3001: the shared JSON API, and (to come) the pages and the
 * dashboard realm.
 */
package dev.claudenexus.dashboard;
