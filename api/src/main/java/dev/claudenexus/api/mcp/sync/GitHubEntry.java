package dev.claudenexus.api.mcp.sync;

/**
 * One entry of a folder listing of the GitHub contents API.
 *
 * @param name the entry's file name, exactly as GitHub sent it (not yet checked)
 * @param type {@code file}, {@code dir}, {@code symlink} or {@code submodule}
 * @param size the file's size in bytes
 */
public record GitHubEntry(String name, String type, long size) {}
