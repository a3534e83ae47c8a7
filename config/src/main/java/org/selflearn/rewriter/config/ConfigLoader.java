package org.selflearn.rewriter.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@link RewriterConfig}: defaults, then an optional YAML file (nested maps or dotted keys), then
 * environment variables {@code REWRITER_...}. Unknown keys in the file and unknown {@code REWRITER_*} variables are
 * errors naming the nearest known key, so that a typo is never silently ignored.
 */
public final class ConfigLoader {
  /** Every environment variable with this prefix must name a key. */
  public static final String ENV_PREFIX = "REWRITER_";

  private ConfigLoader() {}

  /** Loads from a file (may be null) and the process environment. */
  public static RewriterConfig load(Path file) {
    return load(file, System.getenv());
  }

  /** Loads from a file (may be null) and the given environment. */
  public static RewriterConfig load(Path file, Map<String, String> env) {
    Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
    Map<ConfigKey<?>, RewriterConfig.Origin> origins = new LinkedHashMap<>();
    for (ConfigKey<?> k : ConfigKeys.all()) {
      values.put(k, k.defaultValue());
      origins.put(k, RewriterConfig.Origin.DEFAULT);
    }
    if (file != null) {
      for (Map.Entry<String, Object> e : readYaml(file).entrySet()) {
        ConfigKey<?> key = ConfigKeys.byName(e.getKey());
        if (key == null) {
          throw new ConfigException(e.getKey(), "unknown key in " + file + "; did you mean '"
              + NearestKey.byName(e.getKey()).name() + "'? (./rewrite config --doc lists every key)");
        }
        values.put(key, key.validate(e.getValue()));
        origins.put(key, RewriterConfig.Origin.FILE);
      }
    }
    checkVariableNames(env);
    for (ConfigKey<?> k : ConfigKeys.all()) {
      String v = env.get(k.envName());
      if (v != null) {
        values.put(k, k.parse(v));
        origins.put(k, RewriterConfig.Origin.ENVIRONMENT);
      }
    }
    return new RewriterConfig(values, origins);
  }

  /**
   * Refuses a {@code REWRITER_*} variable that names no key: a typo such as {@code REWRITER_SOLVE_MIN_SUPORT=7} must
   * not be silently ignored (ADR 2). The message names the variable and the nearest known one.
   */
  private static void checkVariableNames(Map<String, String> env) {
    for (String name : new TreeMap<>(env).keySet()) {
      if (name.startsWith(ENV_PREFIX) && ConfigKeys.byEnvName(name) == null) {
        ConfigKey<?> near = NearestKey.byEnvName(name);
        throw ConfigException.forVariable(name, "names no configuration key; did you mean " + near.envName()
            + " (" + near.name() + ")? (./rewrite config --doc lists every key)");
      }
    }
  }

  private static Map<String, Object> readYaml(Path file) {
    Object root;
    try {
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("--config", "no such file: " + file);
      }
      root = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
    } catch (IOException e) {
      throw new ConfigException("--config", "cannot parse YAML " + file + ": " + e.getMessage());
    }
    Map<String, Object> flat = new TreeMap<>();
    if (root == null) {
      return flat;
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException("--config", file + " must hold a YAML mapping of keys to values");
    }
    flatten("", map, flat);
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      if (e.getValue() instanceof Map<?, ?> nested) {
        flatten(key + ".", nested, out);
      } else {
        out.put(key, e.getValue());
      }
    }
  }
}
