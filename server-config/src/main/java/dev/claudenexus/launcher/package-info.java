/**
 * The launcher behind {@code bin/nexus}: it merges the environment with the {@code .env} file, writes
 * the Payara Micro boot files of one service (loopback listeners, no Hazelcast, the JDBC pool) and
 * prints the Java command line that starts it; it also writes credential files.
 */
package dev.claudenexus.launcher;
