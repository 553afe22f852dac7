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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders FreeMarker templates strictly: a syntax error, or a value that would become code (see
 * {@link SingleLineFormat}, {@link PythonFormat}, {@link ValueShapes}), is invalid input (exit 65) naming the
 * template file and line; the variables a host lacks come back all at once, each with its line
 * ({@link MissingVariablesException}). Thread-safe once built; templates are parsed once.
 */
public final class TemplateRenderer {
  private static final java.util.regex.Pattern FAILED_AT =
      java.util.regex.Pattern.compile("Failed at: (.*?)\\s+\\[in template");

  private final Configuration config;
  private final String templatesDisplayName;

  /** More in one template means something else is wrong; these are reported. */
  private static final int MAX_MISSING = 50;
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern FRAME = Pattern.compile("in template \"([^\"]*)\" at line (\\d+)");

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

  /**
   * Renders; a variable the host lacks does not stop rendering: it is noted (name and line), stands in as
   * empty text, and rendering starts over, so every missing variable of the template is found in one run.
   * An error that follows only from such a stand-in is not reported: the missing variables are.
   */
  private String process(Template template, Map<String, Object> model, String display, int lineOffset) {
    Map<String, Object> variables = new HashMap<>(model);
    List<MissingVariablesException.Missing> missing = new ArrayList<>();
    while (true) {
      RecordingModel root = new RecordingModel(variables, config.getObjectWrapper());
      StringWriter out = new StringWriter();
      try {
        template.process(root, out);
        if (!missing.isEmpty()) {
          throw new MissingVariablesException(missing);
        }
        return out.toString();
      } catch (TemplateException e) {
        Optional<String> variable = missingVariable(e, root).filter(v -> !variables.containsKey(v));
        if (variable.isPresent() && missing.size() < MAX_MISSING) {
          missing.add(new MissingVariablesException.Missing(variable.get(), display,
              lineOffset + lineIn(e, template.getSourceName())));
          variables.put(variable.get(), "");
          continue;
        }
        if (!missing.isEmpty()) {
          throw new MissingVariablesException(missing);
        }
        throw new InvalidInputException(display, lineOffset + lineOf(e), "template error" + failedAt(e) + ": "
            + firstLine(e.getMessageWithoutStackTop()));
      } catch (IOException e) {
        throw new InvalidInputException(display, 0, "cannot render: " + e.getMessage());
      }
    }
  }

  /** The top-level variable an error is about: the undefined name itself, or the missing argument of a call. */
  private static Optional<String> missingVariable(TemplateException e, RecordingModel root) {
    if (e instanceof InvalidReferenceException reference) {
      String blamed = String.valueOf(reference.getBlamedExpressionString());
      return IDENTIFIER.matcher(blamed).matches() ? Optional.of(blamed) : Optional.empty();
    }
    return String.valueOf(e.getMessageWithoutStackTop()).contains("null/missing") ? root.lastMissing()
        : Optional.empty();
  }

  /**
   * The line of this template that the error went through: where a missing argument was passed to a
   * function, not the line of the function's own definition (possibly in another template).
   */
  private static int lineIn(TemplateException e, String sourceName) {
    Matcher frame = FRAME.matcher(String.valueOf(e.getFTLInstructionStack()));
    while (frame.find()) {
      if (frame.group(1).equals(sourceName)) {
        return Integer.parseInt(frame.group(2));
      }
    }
    return lineOf(e);
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
