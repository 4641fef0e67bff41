/**
 * Credential files and client keys, shared by the proxy realm and the command line: the file format
 * and its status, and client key generation, comparison and hashing.
 */
package dev.claudenexus.credentials;
