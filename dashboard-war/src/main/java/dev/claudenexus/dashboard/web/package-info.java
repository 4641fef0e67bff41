/**
 * The dashboard's server-rendered pages and what every response gets: security headers and the
 * session cookie settings. The full pages come with the page framework; these are the entry page
 * and the login form.
 */
package dev.claudenexus.dashboard.web;
