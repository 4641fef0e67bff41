package dev.claudenexus.dashboard.pages.prompts;

import dev.claudenexus.api.mcp.McpPrompts;
import dev.claudenexus.api.mcp.McpSettings;
import dev.claudenexus.api.mcp.prompts.Prompt;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The page {@code /dashboard/prompts/{id}}: one prompt's description, arguments and template, and
 * how to add the proxy's MCP server to Claude Code. An unknown id gets status 404.
 */
@Named
@RequestScoped
public class PromptPage {

  /** The name Claude Code shows for the server in the suggested command. */
  static final String SERVER_NAME = "nexus-prompts";

  @Inject McpPrompts prompts;

  private String id;
  private Prompt prompt;
  private boolean loaded;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  /** Sets status 404 when there is no prompt to show. */
  public void load() {
    if (getPrompt() == null) {
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
    }
  }

  /** Returns the prompt, or {@code null} when MCP is off or no prompt has the id. */
  public Prompt getPrompt() {
    if (!loaded) {
      loaded = true;
      if (McpSettings.current().enabled() && id != null) {
        prompt = prompts.library().prompts().find(id).orElse(null);
      }
    }
    return prompt;
  }

  public String getTitle() {
    return getPrompt() == null ? "Prompt not found" : "Prompt " + prompt.name();
  }

  /** Returns the MCP URL of the proxy: {@code PROXY_API_URL}, else this host at {@code PROXY_PORT}. */
  public String getMcpUrl() {
    Optional<String> configured = ConfigProvider.getConfig().getOptionalValue("PROXY_API_URL", String.class)
        .map(String::strip).filter(value -> value.matches("https?://[^\\s\"'`$\\\\]+"));
    if (configured.isPresent()) {
      String base = configured.get();
      return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/mcp";
    }
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    String host = external.getRequestServerName();
    int port = ConfigProvider.getConfig().getOptionalValue("PROXY_PORT", Integer.class).orElse(3000);
    String shownHost = host.matches("[A-Za-z0-9.:\\[\\]-]+") ? host : "localhost";
    return "http://" + shownHost + ":" + port + "/mcp";
  }

  /** Returns the command that adds the proxy's MCP server to Claude Code. */
  public String getClaudeCommand() {
    return "claude mcp add --transport http " + SERVER_NAME + " " + getMcpUrl()
        + " --header \"Authorization: Bearer $NEXUS_CLIENT_KEY\"";
  }

  /** Returns how Claude Code names this prompt as a slash command. */
  public String getSlashCommand() {
    return "/mcp__" + SERVER_NAME + "__" + (getPrompt() == null ? "" : prompt.name());
  }
}
