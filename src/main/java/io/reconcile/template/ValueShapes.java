package io.reconcile.template;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Functions every template has, for values that are structured rather than free text: each checks the
 * value's shape and refuses (exit 65, the template's file and line) what does not have it, so a value
 * can only ever be a number, a boolean or a schedule. {@code py_int(v)}: a whole number or a product of
 * them ({@code 30*1024*1024*1024}), as Python code; {@code py_bool(v)}: True or False; {@code
 * cron_schedule(v)}: five cron time fields or an {@code @} keyword.
 */
final class ValueShapes {
  private static final Pattern INTEGER_PRODUCT = Pattern.compile("-?[0-9]{1,20}(\\s*\\*\\s*[0-9]{1,20})*");
  private static final String NAME = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat)";
  private static final String ITEM = "(\\*|[0-9]{1,2}(-[0-9]{1,2})?|" + NAME + "(-" + NAME + ")?)(/[0-9]{1,2})?";
  private static final Pattern CRON_FIELD = Pattern.compile(ITEM + "(," + ITEM + ")*", Pattern.CASE_INSENSITIVE);
  private static final Set<String> CRON_KEYWORDS =
      Set.of("@reboot", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  private ValueShapes() {}

  static Map<String, TemplateModel> functions() {
    return Map.of("py_int", (TemplateMethodModelEx) args -> pyInt(argument("py_int", args)),
        "py_bool", (TemplateMethodModelEx) args -> pyBool(argument("py_bool", args)),
        "cron_schedule", (TemplateMethodModelEx) args -> cronSchedule(argument("cron_schedule", args)));
  }

  private static ValueFormat.Value pyInt(String value) throws TemplateModelException {
    if (!INTEGER_PRODUCT.matcher(value.strip()).matches()) {
      throw new TemplateModelException("py_int(): the value is not a whole number (or a product of them,"
          + " like 30*1024)");
    }
    return PythonFormat.INSTANCE.fromMarkup(value.strip());
  }

  private static ValueFormat.Value pyBool(String value) throws TemplateModelException {
    String lower = value.strip().toLowerCase(Locale.ROOT);
    if (!lower.equals("true") && !lower.equals("false")) {
      throw new TemplateModelException("py_bool(): the value is not True or False");
    }
    return PythonFormat.INSTANCE.fromMarkup(lower.equals("true") ? "True" : "False");
  }

  private static String cronSchedule(String value) throws TemplateModelException {
    String schedule = value.strip();
    String[] fields = schedule.split("[ \\t]+");
    boolean valid = CRON_KEYWORDS.contains(schedule.toLowerCase(Locale.ROOT))
        || (fields.length == 5 && java.util.Arrays.stream(fields).allMatch(f -> CRON_FIELD.matcher(f).matches()));
    if (!valid) {
      throw new TemplateModelException("cron_schedule(): the value is not a cron schedule: expected five fields"
          + " (minute hour"
          + " day-of-month month day-of-week: numbers, ranges, lists, steps, *, names) or one of " + String.join(", ",
              CRON_KEYWORDS.stream().sorted().toList()));
    }
    return String.join(" ", fields);
  }

  private static String argument(String function, List<?> args) throws TemplateModelException {
    if (args.size() != 1 || !(args.get(0) instanceof TemplateScalarModel scalar)) {
      throw new TemplateModelException(function + "() takes one text value");
    }
    return scalar.getAsString();
  }
}
