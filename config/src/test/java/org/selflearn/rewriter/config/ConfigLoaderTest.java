package org.selflearn.rewriter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  private Path yaml(String text) throws IOException {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void shouldUseDefaultsThenFileThenEnvironmentAndRememberOrigins() throws IOException {
    Path f = yaml("mining:\n  session-gap-seconds: 120\nsolve.min-customers: 7\n");
    RewriterConfig c = ConfigLoader.load(f, Map.of("REWRITER_SOLVE_MIN_CUSTOMERS", "9"));
    assertThat(c.get(ConfigKeys.SESSION_GAP_SECONDS)).isEqualTo(120);
    assertThat(c.origin(ConfigKeys.SESSION_GAP_SECONDS)).isEqualTo(RewriterConfig.Origin.FILE);
    assertThat(c.get(ConfigKeys.MIN_CUSTOMERS)).isEqualTo(9);
    assertThat(c.origin(ConfigKeys.MIN_CUSTOMERS)).isEqualTo(RewriterConfig.Origin.ENVIRONMENT);
    assertThat(c.get(ConfigKeys.MIN_SUPPORT)).isEqualTo(5);
    assertThat(c.origin(ConfigKeys.MIN_SUPPORT)).isEqualTo(RewriterConfig.Origin.DEFAULT);
    assertThat(c.describe()).contains("solve.min-customers").contains("environment");
  }

  @Test
  void shouldRejectAnUnknownKeyNamingIt() throws IOException {
    Path f = yaml("solve:\n  min-custmers: 3\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("solve.min-custmers").hasMessageContaining("unknown key");
  }

  @Test
  void shouldSuggestTheNearestKeyForAMistypedFileKey() throws IOException {
    Path f = yaml("solve:\n  min-custmers: 3\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of())).hasMessageContaining("did you mean 'solve.min-customers'");
  }

  @Test
  void shouldRejectAMistypedEnvironmentVariableNamingItAndTheNearestKey() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REWRITER_SOLVE_MIN_SUPORT", "7")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REWRITER_SOLVE_MIN_SUPORT")
        .hasMessageContaining("did you mean REWRITER_SOLVE_MIN_SUPPORT (solve.min-support)");
    // variables of other programs, and correctly spelt ones, are fine
    assertThat(ConfigLoader.load(null, Map.of("REWRITE_JAVA_OPTS", "-Xmx1g", "REWRITER_SOLVE_MIN_SUPPORT", "7"))
        .get(ConfigKeys.MIN_SUPPORT)).isEqualTo(7);
  }

  @Test
  void nearestKeyIsByEditDistance() {
    assertThat(NearestKey.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(NearestKey.byEnvName("REWRITER_STREAM_THREAD")).isEqualTo(ConfigKeys.STREAM_THREADS);
  }

  @Test
  void shouldRejectAWrongType() throws IOException {
    Path f = yaml("mining.session-gap-seconds: soon\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("mining.session-gap-seconds").hasMessageContaining("an integer in [1, 86400]");
  }

  @Test
  void shouldRejectAValueOutOfRange() throws IOException {
    Path f = yaml("solve.min-gain: 1.5\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("solve.min-gain").hasMessageContaining("out of range");
  }

  @Test
  void shouldRejectABodyTimeoutBelowOneHundredMilliseconds() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REWRITER_SERVE_BODY_TIMEOUT_MS", "0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("serve.body-timeout-ms")
        .hasMessageContaining("out of range");
  }

  @Test
  void shouldRejectABodyTimeoutThatIsNotANumber() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REWRITER_SERVE_BODY_TIMEOUT_MS", "5s")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("serve.body-timeout-ms")
        .hasMessageContaining("an integer in [100, 600000]");
  }

  @Test
  void shouldRejectANegativeMinimumBodyRate() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REWRITER_SERVE_MIN_BODY_BYTES_PER_SECOND", "-1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("serve.min-body-bytes-per-second")
        .hasMessageContaining("out of range");
  }

  @Test
  void shouldRejectAChoiceThatIsNotAllowed() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REWRITER_ONLINE_EMBEDDER", "BERT")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("online.embedder")
        .hasMessageContaining("[MINILM, ONNX, NONE]");
  }

  @Test
  void shouldRejectABadEnvironmentValueAndAnEmptyOne() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REWRITER_SOLVE_MIN_SUPPORT", "many")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("solve.min-support");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REWRITER_ONLINE_PERSONAL_ENABLED", "yes")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("true or false");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REWRITER_STREAM_INPUT_TOPIC", " ")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("empty value");
  }

  @Test
  void shouldRejectAFileThatIsNotAMappingOrMissing() throws IOException {
    Path f = yaml("- a\n- b\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of())).hasMessageContaining("mapping");
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("none.yaml"), Map.of())).hasMessageContaining(
        "no such file");
  }

  @Test
  void everyKeyHasDocumentationAndAValidDefault() {
    for (ConfigKey<?> k : ConfigKeys.all()) {
      assertThat(k.doc()).as(k.name()).isNotBlank();
      assertThat(k.validate(k.defaultValue())).isEqualTo(k.defaultValue());
      assertThat(k.envName()).startsWith("REWRITER_");
    }
  }
}
