package io.reconcile.state;

/** `type:name`, e.g. `package:snf-astakos-app`; the id used in reports and in `require`. */
public record ResourceId(String type, String name) {
  public static ResourceId parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("a resource id is type:name, not '" + text + "'");
    }
    return new ResourceId(text.substring(0, colon), text.substring(colon + 1));
  }

  @Override
  public String toString() {
    return type + ":" + name;
  }
}
