package dev.claudenexus.api.mcp.prompts;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.TagType;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.StringTemplateSource;
import com.github.jknack.handlebars.io.TemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles prompt templates with Handlebars semantics ({@code {{var}}}, {@code {{#if}}},
 * {@code {{#each}}}, {@code {{#with}}}, {@code {{#unless}}}), without HTML escaping. Templates come
 * from files that anyone with write access to the folder or the GitHub repository controls, so
 * everything that reads outside the template is switched off: partials ({@code {{> name}}}), the
 * {@code embedded} and {@code precompile} helpers, and the {@code i18n} helpers that read resource
 * bundles.
 */
public final class PromptTemplates {

  private static final Set<String> DISABLED_HELPERS = Set.of("embedded", "precompile", "i18n", "i18nJs");
  private static final Set<String> NOT_VARIABLES = Set.of("this", "else");

  private final Handlebars handlebars;

  public PromptTemplates() {
    Handlebars engine = new Handlebars(new NoPartials()).with(EscapingStrategy.NOOP);
    for (String name : DISABLED_HELPERS) {
      engine.registerHelper(name, disabled(name));
    }
    this.handlebars = engine;
  }

  /**
   * Compiles a template.
   *
   * @throws IllegalArgumentException when the template is not valid Handlebars, with the position
   */
  public Template compile(String name, String source) {
    try {
      return handlebars.compile(new StringTemplateSource(name, source));
    } catch (IOException | HandlebarsException e) {
      throw new IllegalArgumentException("the template is not valid Handlebars: " + firstLine(e), e);
    }
  }

  /**
   * Returns the variables a template reads, in order of first use: plain {@code {{name}}} tags,
   * sections such as {@code {{#items}}}, and helper parameters such as {@code x} of
   * {@code {{#if x}}}. Of a path such as {@code user.name} only {@code user} is an argument. Helper
   * names, {@code this} and {@code @}-variables are left out.
   */
  public List<String> variables(Template template) {
    Set<String> names = new LinkedHashSet<>();
    for (String tag : template.collect(TagType.VAR, TagType.TRIPLE_VAR, TagType.SECTION)) {
      if (handlebars.helper(tag) == null) {
        addVariable(names, tag);
      }
    }
    for (String parameter : template.collectReferenceParameters()) {
      addVariable(names, parameter);
    }
    return List.copyOf(names);
  }

  private static void addVariable(Set<String> names, String path) {
    String root = path.strip().split("[./\\[]", 2)[0];
    if (!root.isEmpty() && !root.startsWith("@") && !NOT_VARIABLES.contains(root)) {
      names.add(root);
    }
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static Helper<Object> disabled(String name) {
    return (context, options) -> {
      throw new IllegalArgumentException("The helper " + name + " is not available in prompts");
    };
  }

  /** Rejects every partial, so a template cannot read files or class path resources. */
  private static final class NoPartials implements TemplateLoader {
    @Override
    public TemplateSource sourceAt(String location) throws IOException {
      throw new IOException("Partials such as {{> " + location + "}} are not available in prompts");
    }

    @Override
    public String resolve(String location) {
      return location;
    }

    @Override
    public String getPrefix() {
      return "";
    }

    @Override
    public String getSuffix() {
      return "";
    }

    @Override
    public void setPrefix(String prefix) {}

    @Override
    public void setSuffix(String suffix) {}

    @Override
    public void setCharset(Charset charset) {}

    @Override
    public Charset getCharset() {
      return Charset.defaultCharset();
    }
  }
}
