package dev.claudenexus.api.mcp.prompts;

import com.github.jknack.handlebars.Template;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One prompt of the library.
 *
 * @param name the file name without extension; also the prompt's id
 * @param description the file's {@code description}, or an empty string
 * @param template the template's source text
 * @param arguments the variables the template uses, in order of first use
 * @param compiled the compiled template
 */
public record Prompt(
    String name, String description, String template, List<String> arguments, Template compiled) {

  /**
   * Renders the template. A variable without a value renders as an empty string, and no value is
   * HTML-escaped.
   *
   * @throws IOException when a helper of the template fails on the values
   */
  public String render(Map<String, String> values) throws IOException {
    return compiled.apply(Map.copyOf(values));
  }
}
