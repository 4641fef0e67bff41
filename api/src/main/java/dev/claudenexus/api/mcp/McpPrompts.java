package dev.claudenexus.api.mcp;

import dev.claudenexus.api.ContainerResources;
import dev.claudenexus.api.mcp.prompts.PromptFileReader;
import dev.claudenexus.api.mcp.prompts.PromptFolder;
import dev.claudenexus.api.mcp.prompts.PromptLibrary;
import dev.claudenexus.api.mcp.prompts.PromptTemplates;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's prompt library over {@code MCP_PROMPTS_DIR}, started on first use and watched
 * until the application stops.
 */
@ApplicationScoped
public class McpPrompts {

  private PromptLibrary library;

  /** Returns the library, reading the folder and starting its watcher on the first call. */
  public synchronized PromptLibrary library() {
    if (library == null) {
      PromptFolder folder = new PromptFolder(McpSettings.current().promptsDirectory(),
          new PromptFileReader(new PromptTemplates()));
      PromptLibrary created = new PromptLibrary(folder);
      created.start(ContainerResources.threadFactory());
      library = created;
    }
    return library;
  }

  @PreDestroy
  synchronized void close() {
    if (library != null) {
      library.close();
    }
  }
}
