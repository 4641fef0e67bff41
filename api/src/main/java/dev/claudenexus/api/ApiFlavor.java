package dev.claudenexus.api;

/**
 * The response shapes a port serves. The original product served some paths on both ports with
 * different shapes, and scripts depend on each: the proxy (port 3000) and the dashboard (port 3001).
 * Each war produces its flavor as a CDI bean.
 */
public enum ApiFlavor {
  PROXY,
  DASHBOARD
}
