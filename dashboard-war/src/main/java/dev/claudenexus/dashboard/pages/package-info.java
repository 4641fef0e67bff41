/**
 * Backing beans of the dashboard's Jakarta Faces pages. They read through the same query classes as
 * {@code /api/*}, never over HTTP.
 */
package dev.claudenexus.dashboard.pages;
