/**
 * MicroProfile Health checks of the proxy. It is ready while it can forward: a database outage is
 * reported as degraded in the check data but does not fail readiness, because the storage journal
 * keeps every record until the database returns.
 */
package dev.claudenexus.proxy.health;
