package dev.claudenexus.api.mcp.prompts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable set of prompts read from the folder at one moment, with the files that were skipped.
 *
 * @param prompts the prompts by name, sorted by name
 * @param skipped the skipped files with the reason, by file name
 * @param fingerprint what the folder listed when it was read (names, sizes and modification
 *     times), so a change can be detected without reading the files
 */
public record PromptSet(
    SortedMap<String, Prompt> prompts, Map<String, String> skipped, String fingerprint) {

  /** The set before the folder has been read. */
  public static final PromptSet EMPTY = new PromptSet(new TreeMap<>(), Map.of(), "");

  public PromptSet {
    prompts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(prompts));
    skipped = Map.copyOf(skipped);
  }

  /** Returns the prompt with the name. */
  public Optional<Prompt> find(String name) {
    return Optional.ofNullable(prompts.get(name));
  }

  /** Returns every prompt, sorted by name. */
  public List<Prompt> all() {
    return List.copyOf(prompts.values());
  }
}
