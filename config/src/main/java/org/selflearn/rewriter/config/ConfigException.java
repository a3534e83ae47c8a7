package org.selflearn.rewriter.config;

/** A configuration value that is missing, malformed or out of range; the message names the key. */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String message) {
    this(key, "configuration key '" + key + "': " + message, true);
  }

  private ConfigException(String key, String fullMessage, boolean unused) {
    super(fullMessage);
    this.key = key;
  }

  /** An environment variable that is wrong as such (e.g. names no key); the message names the variable. */
  public static ConfigException forVariable(String variable, String message) {
    return new ConfigException(variable, "environment variable " + variable + ": " + message, true);
  }

  /** The offending key (or environment variable). */
  public String key() {
    return key;
  }
}
