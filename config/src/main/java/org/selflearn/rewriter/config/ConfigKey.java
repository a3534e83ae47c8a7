package org.selflearn.rewriter.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One configuration key: name, type, default, allowed range and documentation, declared once in
 * {@link ConfigKeys}. Parses and validates its own values.
 *
 * @param <T> the Java type of the value
 */
public final class ConfigKey<T> {
  /** The value types a key can have. */
  public enum Type { INT, LONG, DOUBLE, BOOLEAN, STRING, CHOICE }

  private final String name;
  private final Type type;
  private final T defaultValue;
  private final double min;
  private final double max;
  private final List<String> choices;
  private final String doc;

  private ConfigKey(String name, Type type, T defaultValue, double min, double max, List<String> choices,
      String doc) {
    this.name = Objects.requireNonNull(name);
    this.type = type;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.choices = choices;
    this.doc = doc;
  }

  static ConfigKey<Integer> ofInt(String name, int def, int min, int max, String doc) {
    return new ConfigKey<>(name, Type.INT, def, min, max, List.of(), doc);
  }

  static ConfigKey<Long> ofLong(String name, long def, long min, long max, String doc) {
    return new ConfigKey<>(name, Type.LONG, def, min, max, List.of(), doc);
  }

  static ConfigKey<Double> ofDouble(String name, double def, double min, double max, String doc) {
    return new ConfigKey<>(name, Type.DOUBLE, def, min, max, List.of(), doc);
  }

  static ConfigKey<Boolean> ofBoolean(String name, boolean def, String doc) {
    return new ConfigKey<>(name, Type.BOOLEAN, def, 0, 1, List.of(), doc);
  }

  static ConfigKey<String> ofString(String name, String def, String doc) {
    return new ConfigKey<>(name, Type.STRING, def, 0, 0, List.of(), doc);
  }

  static ConfigKey<String> ofChoice(String name, String def, List<String> choices, String doc) {
    return new ConfigKey<>(name, Type.CHOICE, def, 0, 0, List.copyOf(choices), doc);
  }

  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public String doc() {
    return doc;
  }

  /** The environment variable that overrides this key: {@code REWRITER_MINING_SESSION_GAP_SECONDS}. */
  public String envName() {
    return "REWRITER_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** What values are allowed, in words. */
  public String allowed() {
    return switch (type) {
      case INT, LONG -> "an integer in [" + (long) min + ", " + (long) max + "]";
      case DOUBLE -> "a number in [" + min + ", " + max + "]";
      case BOOLEAN -> "true or false";
      case STRING -> "a non-empty string";
      case CHOICE -> "one of " + choices;
    };
  }

  /** Parses and validates a value given as text (environment, command line). */
  public T parse(String text) {
    if (text == null || text.isBlank()) {
      throw new ConfigException(name, "empty value, expected " + allowed());
    }
    String t = text.trim();
    try {
      return validate(switch (type) {
        case INT -> Integer.valueOf(t);
        case LONG -> Long.valueOf(t);
        case DOUBLE -> Double.valueOf(t);
        case BOOLEAN -> parseBoolean(t);
        case STRING, CHOICE -> t;
      });
    } catch (NumberFormatException e) {
      throw new ConfigException(name, "\"" + t + "\" is not " + allowed());
    }
  }

  /** Validates a value read from YAML (already typed by the YAML reader). */
  public T validate(Object value) {
    if (value == null) {
      throw new ConfigException(name, "null value, expected " + allowed());
    }
    Object v = switch (type) {
      case INT -> value instanceof Integer ? value : fail(value);
      case LONG -> value instanceof Integer || value instanceof Long ? ((Number) value).longValue() : fail(value);
      case DOUBLE -> value instanceof Number n ? n.doubleValue() : fail(value);
      case BOOLEAN -> value instanceof Boolean ? value : fail(value);
      case STRING, CHOICE -> value instanceof String ? value : fail(value);
    };
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || d < min || d > max) {
        throw new ConfigException(name, n + " is out of range, expected " + allowed());
      }
    }
    if (type == Type.STRING && ((String) v).isBlank()) {
      throw new ConfigException(name, "empty value, expected " + allowed());
    }
    if (type == Type.CHOICE && !choices.contains(v)) {
      throw new ConfigException(name, "\"" + v + "\" is not allowed, expected " + allowed());
    }
    @SuppressWarnings("unchecked")
    T typed = (T) v;
    return typed;
  }

  private Object fail(Object value) {
    throw new ConfigException(name, "\"" + value + "\" (" + value.getClass().getSimpleName().toLowerCase(Locale.ROOT)
        + ") is not " + allowed());
  }

  private Boolean parseBoolean(String t) {
    if (t.equalsIgnoreCase("true")) {
      return true;
    }
    if (t.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigException(name, "\"" + t + "\" is not " + allowed());
  }

  @Override
  public String toString() {
    return name;
  }
}
