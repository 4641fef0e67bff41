/**
 * The prompt library: every {@code *.yaml} or {@code *.yml} file directly in the prompts folder is one
 * prompt, named after its file, with a Handlebars template rendered without HTML escaping. The
 * library reloads the whole folder when it changes and swaps the new set in at once, so a reader sees
 * the old set or the new one, never a mix. Invalid files are skipped and logged.
 */
package dev.claudenexus.api.mcp.prompts;
