package org.selflearn.rewriter.config;

/** A configuration value that is missing, malformed or out of range; the message names the key. */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String message) {
    super("configuration key '" + key + "': " + message);
    this.key = key;
  }

  /** The offending key. */
  public String key() {
    return key;
  }
}
