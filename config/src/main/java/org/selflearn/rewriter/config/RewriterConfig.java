package org.selflearn.rewriter.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The effective, validated configuration: one value per key of {@link ConfigKeys} and where it came from. Immutable.
 */
public final class RewriterConfig {
  /** Where a value came from. */
  public enum Origin { DEFAULT, FILE, ENVIRONMENT, OVERRIDE }

  private final Map<ConfigKey<?>, Object> values;
  private final Map<ConfigKey<?>, Origin> origins;

  RewriterConfig(Map<ConfigKey<?>, Object> values, Map<ConfigKey<?>, Origin> origins) {
    this.values = Map.copyOf(values);
    this.origins = Map.copyOf(origins);
  }

  /** All defaults. */
  public static RewriterConfig defaults() {
    return ConfigLoader.load(null, Map.of());
  }

  /** The value of a key. */
  @SuppressWarnings("unchecked")
  public <T> T get(ConfigKey<T> key) {
    return (T) values.get(key);
  }

  /** Where the value of a key came from. */
  public Origin origin(ConfigKey<?> key) {
    return origins.get(key);
  }

  /** A copy with one key set programmatically (validated). */
  public <T> RewriterConfig with(ConfigKey<T> key, T value) {
    Map<ConfigKey<?>, Object> v = new LinkedHashMap<>(values);
    Map<ConfigKey<?>, Origin> o = new LinkedHashMap<>(origins);
    v.put(key, key.validate(value));
    o.put(key, Origin.OVERRIDE);
    return new RewriterConfig(v, o);
  }

  /** {@code key = value  (origin)} lines, in declaration order. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (ConfigKey<?> k : ConfigKeys.all()) {
      sb.append(String.format(java.util.Locale.ROOT, "%-34s = %-28s (%s)%n", k.name(), values.get(k),
          origins.get(k).name().toLowerCase(java.util.Locale.ROOT)));
    }
    return sb.toString();
  }
}
