package io.reconcile.db.engine;

import io.reconcile.input.InvalidInputException;
import io.reconcile.state.Declaration;
import io.reconcile.state.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database as the tunnel host sees it, with its credentials, read from the inventory
 * variables {@code <prefix>_db_url}, {@code <prefix>_db_user} and {@code <prefix>_db_password} (or
 * {@code <prefix>_db_password_file}, a local file). {@link #toString()} never shows the password.
 *
 * @param prefix the variable prefix, e.g. "astakos"
 * @param host database host as seen from the tunnel host, e.g. "db"
 * @param params the URL's query string (without '?'), may be empty
 */
public record DatabaseEndpoint(String prefix, String host, int port, String database, String params, String user, String password) {
  private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:?,\\[\\]]+)(?::([0-9]{1,5}))?/([^/?]+)(?:\\?(.*))?");

  /** The endpoint named by {@code prefix} in a host's template model; errors name the declaration and the variable. */
  public static DatabaseEndpoint resolve(String prefix, Map<String, Object> model, Declaration declaration) {
    return resolve(prefix, model, declaration.location(), declaration.id().toString());
  }

  /** As above, for what is not a declaration (a phase's backup): errors name {@code where} and {@code subject}. */
  public static DatabaseEndpoint resolve(String prefix, Map<String, Object> model, Location where, String subject) {
    Origin declaration = new Origin(where, subject);
    String urlVar = prefix + "_db_url";
    String url = variable(model, urlVar, declaration, "the JDBC URL of the " + prefix
        + " database as the tunnel host sees it, e.g. jdbc:postgresql://db:5432/snf_apps");
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw error(declaration, "inventory variable '" + urlVar + "' must be jdbc:postgresql://HOST[:PORT]/DATABASE[?PARAMS] (one host)");
    }
    String params = m.group(4) == null ? "" : m.group(4);
    for (String param : params.split("&")) {
      String name = param.split("=", 2)[0].toLowerCase(java.util.Locale.ROOT);
      if (name.equals("password") || name.equals("user")) {
        throw error(declaration, "inventory variable '" + urlVar + "' must not carry the " + name + "; set "
            + prefix + "_db_" + name + (name.equals("password") ? " or " + prefix + "_db_password_file" : "") + " instead");
      }
    }
    int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
    if (port < 1 || port > 65535) {
      throw error(declaration, "inventory variable '" + urlVar + "' has an invalid port " + port);
    }
    String user = variable(model, prefix + "_db_user", declaration, "the database role to log in as");
    return new DatabaseEndpoint(prefix, m.group(1), port, m.group(3), params, user, password(prefix, model, declaration));
  }

  private static String password(String prefix, Map<String, Object> model, Origin declaration) {
    String inline = prefix + "_db_password";
    String file = prefix + "_db_password_file";
    boolean hasInline = model.get(inline) != null;
    boolean hasFile = model.get(file) != null;
    if (hasInline == hasFile) {
      throw error(declaration, hasInline
          ? "set only one of the inventory variables '" + inline + "' and '" + file + "'"
          : "inventory variable '" + inline + "' or '" + file + "' is not set (the password of the " + prefix + " database)");
    }
    if (hasInline) {
      return String.valueOf(model.get(inline));
    }
    Path path = Path.of(String.valueOf(model.get(file)));
    try {
      String content = Files.readString(path, StandardCharsets.UTF_8);
      return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content; // echo adds a newline that is not part of the password
    } catch (IOException | RuntimeException e) {
      throw error(declaration, "cannot read the password file named by inventory variable '" + file + "' (" + path + ")");
    }
  }

  private static String variable(Map<String, Object> model, String name, Origin declaration, String meaning) {
    Object value = model.get(name);
    if (value == null || String.valueOf(value).isBlank()) {
      Object host = model.getOrDefault("inventory_hostname", "?");
      throw error(declaration, "inventory variable '" + name + "' is not set for host " + host + " (" + meaning + ")");
    }
    return String.valueOf(value).trim();
  }

  private static InvalidInputException error(Origin origin, String message) {
    return new InvalidInputException(origin.where().file(), origin.where().line(), origin.subject() + ": " + message);
  }

  /** Where a database is named, for input errors. */
  private record Origin(Location where, String subject) {}

  /** The JDBC URL of the local end of a tunnel to this database. */
  public String tunnelledUrl(int localPort) {
    return "jdbc:postgresql://127.0.0.1:" + localPort + "/" + database + (params.isEmpty() ? "" : "?" + params);
  }

  /** For messages and export headers: "snf_apps at db:5432"; never the credentials. */
  public String describe() {
    return database + " at " + host + ":" + port;
  }

  @Override
  public String toString() {
    return "DatabaseEndpoint[" + prefix + ": " + user + "@" + describe() + "]";
  }
}
