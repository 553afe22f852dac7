package io.reconcile.template;

import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.Map;
import java.util.Optional;

/**
 * A host's variables as FreeMarker's data model, remembering the last name it was asked for and did not
 * have: when a call such as {@code py(token)} fails on a missing argument, FreeMarker's message names the
 * function's parameter, not the variable.
 */
final class RecordingModel implements TemplateHashModel {
  private final Map<String, Object> variables;
  private final ObjectWrapper wrapper;
  private volatile String lastMissing;

  RecordingModel(Map<String, Object> variables, ObjectWrapper wrapper) {
    this.variables = variables;
    this.wrapper = wrapper;
  }

  @Override
  public TemplateModel get(String key) throws TemplateModelException {
    Object value = variables.get(key);
    if (value == null) {
      lastMissing = key;
      return null;
    }
    return wrapper.wrap(value);
  }

  @Override
  public boolean isEmpty() {
    return variables.isEmpty();
  }

  Optional<String> lastMissing() {
    return Optional.ofNullable(lastMissing);
  }
}
