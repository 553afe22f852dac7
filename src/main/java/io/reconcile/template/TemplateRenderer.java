package io.reconcile.template;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.reconcile.input.InvalidInputException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Renders FreeMarker templates strictly: an undefined variable, a syntax error, or a value that would
 * become code (see {@link SingleLineFormat}, {@link PythonFormat}, {@link ValueShapes}) is invalid input
 * (exit 65) naming the template file and line. Thread-safe once built; templates are parsed once.
 */
public final class TemplateRenderer {
  private static final java.util.regex.Pattern FAILED_AT =
      java.util.regex.Pattern.compile("Failed at: (.*?)\\s+\\[in template");

  private final Configuration config;
  private final String templatesDisplayName;

  public TemplateRenderer(Path templatesDir) {
    this.templatesDisplayName = templatesDir.getFileName() == null ? templatesDir.toString() : templatesDir.getFileName().toString();
    config = new Configuration(Configuration.VERSION_2_3_34);
    config.setDefaultEncoding("UTF-8");
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
    config.setLocalizedLookup(false);
    // Values are data wherever they go: no interpolation breaks its line, and Python settings templates
    // (<#ftl output_format="Python">) get every value as a string literal.
    config.setRegisteredCustomOutputFormats(List.of(SingleLineFormat.INSTANCE, PythonFormat.INSTANCE));
    config.setOutputFormat(SingleLineFormat.INSTANCE);
    config.setNumberFormat("computer");
    config.setBooleanFormat("c");
    config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    config.setAPIBuiltinEnabled(false);
    ValueShapes.functions().forEach(config::setSharedVariable);
    try {
      if (templatesDir.toFile().isDirectory()) {
        config.setTemplateLoader(new FileTemplateLoader(templatesDir.toFile()));
      }
    } catch (IOException e) {
      throw new InvalidInputException(templatesDir.toString(), 0, "cannot read templates: " + e.getMessage());
    }
  }

  /** Renders `templates/NAME` for one host's variables. */
  public String renderFile(String name, Map<String, Object> model) {
    String display = templatesDisplayName + "/" + name;
    try {
      Template template = config.getTemplate(name);
      return process(template, model, display, 0);
    } catch (ParseException e) {
      throw new InvalidInputException(display, e.getLineNumber(), "template syntax error: " + firstLine(e.getEditorMessage()));
    } catch (IOException e) {
      throw new InvalidInputException(display, 0, "cannot read template: " + e.getMessage());
    }
  }

  /** Renders FreeMarker text written inside a state file; errors point at that file and line. */
  public String renderInline(String text, Map<String, Object> model, String stateFile, int firstLine) {
    if (!text.contains("${") && !text.contains("<#") && !text.contains("[#")) {
      return text; // plain text: nothing to render, the common case
    }
    try {
      Template template = new Template(stateFile, text, config);
      return process(template, model, stateFile, firstLine - 1);
    } catch (ParseException e) {
      throw new InvalidInputException(stateFile, firstLine - 1 + e.getLineNumber(), "template syntax error: " + firstLine(e.getEditorMessage()));
    } catch (IOException e) {
      throw new InvalidInputException(stateFile, firstLine, "cannot parse template: " + e.getMessage());
    }
  }

  private static String process(Template template, Map<String, Object> model, String display, int lineOffset) {
    StringWriter out = new StringWriter();
    try {
      template.process(model, out);
      return out.toString();
    } catch (InvalidReferenceException e) {
      throw new InvalidInputException(display, lineOffset + lineOf(e),
          "undefined variable '" + e.getBlamedExpressionString() + "' for host " + model.getOrDefault("inventory_hostname", "?"));
    } catch (TemplateException e) {
      throw new InvalidInputException(display, lineOffset + lineOf(e), "template error" + failedAt(e) + ": "
          + firstLine(e.getMessageWithoutStackTop()));
    } catch (IOException e) {
      throw new InvalidInputException(display, 0, "cannot render: " + e.getMessage());
    }
  }

  /** The instruction that failed, e.g. " in ${project_control_schedule}" (its text, never a value). */
  private static String failedAt(TemplateException e) {
    java.util.regex.Matcher m = FAILED_AT.matcher(String.valueOf(e.getFTLInstructionStack()));
    return m.find() ? " in " + m.group(1).strip() : "";
  }

  private static int lineOf(TemplateException e) {
    Integer line = e.getLineNumber();
    return line == null ? 0 : line;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
