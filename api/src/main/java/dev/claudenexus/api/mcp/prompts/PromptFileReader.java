package dev.claudenexus.api.mcp.prompts;

import com.github.jknack.handlebars.Template;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one prompt file: a YAML mapping with a {@code template} (required text) and an optional
 * {@code description}. A {@code name} key is ignored, because the file name names the prompt. The
 * YAML parser builds only plain maps, lists and scalars, and limits aliases and nesting, so a hostile
 * file cannot create objects or expand into gigabytes.
 */
public final class PromptFileReader {

  /** The largest prompt file read, in bytes. */
  public static final int MAX_FILE_BYTES = 256 * 1024;

  private final PromptTemplates templates;

  public PromptFileReader(PromptTemplates templates) {
    this.templates = templates;
  }

  /**
   * Parses a prompt file.
   *
   * @throws IllegalArgumentException with the reason when the file is not a valid prompt
   */
  public Prompt read(String fileName, String text) {
    String name = PromptFileNames.promptName(fileName);
    Object document;
    try {
      document = newYaml().load(text);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("the file is not valid YAML: " + firstLine(e.getMessage()), e);
    }
    if (!(document instanceof Map<?, ?> fields)) {
      throw new IllegalArgumentException("the file must be a YAML mapping with a template key");
    }
    if (!(fields.get("template") instanceof String template) || template.isBlank()) {
      throw new IllegalArgumentException("the template key is missing or is not text");
    }
    Object description = fields.get("description");
    if (description != null && !(description instanceof String)) {
      throw new IllegalArgumentException("the description key is not text");
    }
    Template compiled = templates.compile(name, template);
    return new Prompt(name, description == null ? "" : ((String) description).strip(), template,
        templates.variables(compiled), compiled);
  }

  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(MAX_FILE_BYTES);
    return new Yaml(new SafeConstructor(options));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
