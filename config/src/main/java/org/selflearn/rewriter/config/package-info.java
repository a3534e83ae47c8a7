/**
 * One typed, documented, validated configuration for every part of the rewriter.
 *
 * <p>{@link org.selflearn.rewriter.config.ConfigKeys} declares every key once, Kafka-Streams style: name, type,
 * default, allowed range and documentation. {@link org.selflearn.rewriter.config.ConfigLoader} reads an optional
 * YAML file and then environment variables ({@code REWRITER_} + the key upper-cased with dots and dashes as
 * underscores) and validates everything at start, failing with a {@link org.selflearn.rewriter.config.ConfigException}
 * that names the key and what is allowed. {@link org.selflearn.rewriter.config.RewriterConfig} is the immutable
 * result, which also remembers where each value came from. Why YAML: docs/adr/0002-yaml-configuration.md.
 */
package org.selflearn.rewriter.config;
