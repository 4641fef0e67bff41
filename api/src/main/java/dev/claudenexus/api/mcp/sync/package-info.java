/**
 * The GitHub sync of the prompt library. A sync reads the head commit of the configured branch, lists
 * the configured folder at that commit and writes its prompt files into the prompts folder. It never
 * deletes a prompt that exists only locally: of the files it wrote before, it removes only those that
 * left the repository and were not changed locally since. A lease in the database lets one sync run
 * at a time across all instances, and the same row keeps the status every instance reports.
 */
package dev.claudenexus.api.mcp.sync;
