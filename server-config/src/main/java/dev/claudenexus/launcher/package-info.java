/**
 * The launcher behind {@code bin/nexus}: it merges the environment with the {@code .env} file, writes
 * the Payara Micro boot files of one service (loopback listeners, no Hazelcast, the JDBC pool) and
 * prints the Java command line that starts it. It also writes credential files, copies single
 * conversations into another database, and backs up and restores the database.
 */
package dev.claudenexus.launcher;
