/** Runs the retention cleaner once a day at the configured UTC hour. */
package dev.claudenexus.proxy.retention;
