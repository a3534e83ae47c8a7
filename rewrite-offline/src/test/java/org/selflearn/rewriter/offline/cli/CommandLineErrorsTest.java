package org.selflearn.rewriter.offline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and one-line messages of bad usage and bad input that need no trained model. */
class CommandLineErrorsTest {
  @TempDir
  Path dir;
  Path logs;
  Path aFile;

  @BeforeEach
  void files() throws IOException {
    logs = dir.resolve("logs.jsonl");
    Files.write(logs, List.of(RewriteCliTest.GOOD.replace("ID", "a")), StandardCharsets.UTF_8);
    aFile = dir.resolve("a-file");
    Files.writeString(aFile, "not a directory");
  }

  private static ConsoleCapture badInput(String... args) {
    ConsoleCapture c = ConsoleCapture.run(args);
    assertThat(c.code()).as(String.join(" ", args) + "\n" + c.err()).isEqualTo(RewriteCli.BAD_INPUT);
    assertThat(c.errorLines()).as(c.err()).hasSize(1);
    assertThat(c.err()).doesNotContain("\tat ", "Exception");
    return c;
  }

  @Test
  void noCommandExitsTwoWithTheUsage() {
    ConsoleCapture c = ConsoleCapture.run();
    assertThat(c.code()).isEqualTo(RewriteCli.BAD_INPUT);
    assertThat(c.err()).contains("Usage: rewrite", "Commands:");
  }

  @Test
  void anUnknownCommandExitsTwoWithOrWithoutHelp() {
    assertThat(badInput("nosuch").err()).contains("'nosuch'");
    assertThat(badInput("nosuch", "--help").err()).contains("'nosuch'");
    assertThat(badInput("train", "--bogus", "--help").err()).contains("--bogus");
    assertThat(ConsoleCapture.run("--help").code()).isZero();
    assertThat(ConsoleCapture.run("train", "--help").code()).isZero();
  }

  @Test
  void publishAndForgetNameWhatIsWrongWithTheirSources() {
    String model = dir.resolve("versions-here").toString();
    assertThat(badInput("publish", "--model", model, "--bootstrap", "127.0.0.1:1", "--every", "0s").err())
        .contains("--every", "shorter than 1s");
    assertThat(badInput("publish", "--model", model, "--bootstrap", "127.0.0.1:1", "--every", "soon").err())
        .contains("--every", "'soon'");
    assertThat(badInput("publish", "--model", model, "--bootstrap", "127.0.0.1:1", "--logs", "x.jsonl").err())
        .contains("--logs", "--bootstrap", "mutually exclusive");
    assertThat(badInput("forget", "--customer", "c-1").err()).contains("--model or --bootstrap");
    assertThat(PublishCommand.parseEvery("90s")).isEqualTo(java.time.Duration.ofSeconds(90));
    assertThat(PublishCommand.parseEvery("15m")).isEqualTo(java.time.Duration.ofMinutes(15));
    assertThat(PublishCommand.parseEvery("PT2H")).isEqualTo(java.time.Duration.ofHours(2));
  }

  @Test
  void versionWorksOnSubcommands() {
    ConsoleCapture c = ConsoleCapture.run("train", "-V");
    assertThat(c.code()).isZero();
    assertThat(c.out()).contains("rewrite " + VersionCommand.VERSION);
  }

  @Test
  void unwritableOutputsExitTwoNamingTheOptionAndPath() {
    Path under = aFile.resolve("x");
    assertThat(badInput("replay", "--model", dir.resolve("no-model").toString(), "--logs", logs.toString(),
        "--report", under.resolve("r.json").toString()).err()).contains("--report", aFile.toString());
    assertThat(badInput("replay", "--model", dir.resolve("no-model").toString(), "--logs", logs.toString(),
        "--report", dir.toString()).err()).contains("--report", "is a directory");
    assertThat(badInput("explain", "--model", dir.resolve("no-model").toString(), "--svg",
        under.resolve("c.svg").toString(), "play").err()).contains("--svg", aFile.toString());
    assertThat(badInput("train", "--logs", logs.toString(), "--out", aFile.toString()).err()).contains("--out");
    assertThat(badInput("validate", "--logs", logs.toString(), "--rejects", under.toString()).err())
        .contains("--rejects");
    assertThat(badInput("mine", "--logs", logs.toString(), "--out", under.toString()).err()).contains("--out");
    assertThat(badInput("simulate", "--out", under.toString(), "--customers", "5", "--days", "4").err())
        .contains("--out");
  }

  @Test
  void aMissingModelOrCorpusDirectoryExitsTwoNamingIt() {
    assertThat(badInput("rewrite", "--model", dir.resolve("none").toString(), "play").err()).contains("--model");
    assertThat(badInput("simulate", "--corpus", "slurp", "--data", "/nonexistent", "--out",
        dir.resolve("s").toString()).err()).contains("--data", "/nonexistent");
  }

  @Test
  void aRelativeDataDirectoryIsLookedUpInTheProjectDirectoryToo() throws IOException {
    Path home = Files.createDirectories(dir.resolve("project"));
    Files.createDirectories(dir.resolve("corpora/slurp"));
    String old = System.getProperty(InputFiles.HOME_PROPERTY);
    System.setProperty(InputFiles.HOME_PROPERTY, home.toString());
    try {
      Path rel = Path.of("../corpora-" + System.nanoTime());
      assertThat(InputFiles.lookUp(Path.of("../corpora"), "--data", true))
          .isEqualTo(dir.resolve("corpora").toAbsolutePath().normalize());
      assertThatBadInput(() -> InputFiles.lookUp(rel, "--data", true), "looked in");
    } finally {
      if (old == null) {
        System.clearProperty(InputFiles.HOME_PROPERTY);
      } else {
        System.setProperty(InputFiles.HOME_PROPERTY, old);
      }
    }
  }

  private static void assertThatBadInput(Runnable r, String message) {
    org.assertj.core.api.Assertions.assertThatThrownBy(r::run).isInstanceOf(BadInputException.class)
        .hasMessageContaining(message);
  }

  @Test
  void trainRefusesAnEmptyOrAllBadInputWithoutWritingAModel() throws IOException {
    Path empty = dir.resolve("empty.jsonl");
    Files.writeString(empty, "\n\n");
    Path out = dir.resolve("model");
    assertThat(badInput("train", "--logs", empty.toString(), "--out", out.toString()).err()).contains("no events");
    Path bad = dir.resolve("bad.jsonl");
    Files.write(bad, List.of("{broken", RewriteCliTest.GOOD.replace("ID", "a").replace("\"customerId\":\"c-1\",", ""),
        "[]"), StandardCharsets.UTF_8);
    assertThat(badInput("train", "--logs", bad.toString(), "--out", out.toString()).err())
        .contains("no valid event", "all 3 rejected", "customerId 1");
    assertThat(out).doesNotExist();
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
    }
  }

  @Test
  void trainRefusesANonEmptyOutUnlessForced() throws IOException {
    Path out = Files.createDirectories(dir.resolve("model"));
    Files.writeString(out.resolve("keep.txt"), "old");
    assertThat(badInput("train", "--logs", logs.toString(), "--out", out.toString()).err())
        .contains("--out", "not empty", "--force");
    assertThat(out.resolve("keep.txt")).hasContent("old");
  }

  @Test
  void anUnreachableBrokerExitsTwoWithinTheConfiguredTime() throws IOException {
    Path cfg = dir.resolve("c.yaml");
    Files.writeString(cfg, "stream:\n  connect-timeout-seconds: 2\n");
    long t0 = System.nanoTime();
    ConsoleCapture c = badInput("stream", "--bootstrap", "127.0.0.1:1", "--config", cfg.toString());
    assertThat(c.err()).contains("127.0.0.1:1", "stream.connect-timeout-seconds");
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
  }

  @Test
  void aReplicationFactorOfZeroIsRefusedNamingTheKey() throws IOException {
    Path cfg = dir.resolve("c.yaml");
    Files.writeString(cfg, "stream.replication-factor: 0\n");
    assertThat(badInput("stream", "--bootstrap", "127.0.0.1:1", "--config", cfg.toString()).err())
        .contains("stream.replication-factor");
  }

  @Test
  void aMistypedVariableExitsTwoNamingItAndTheNearestKey() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        RewriteCli.class.getName(), "config", "--print");
    pb.environment().put("REWRITER_SOLVE_MIN_SUPORT", "7");
    pb.environment().put(LogFile.DIR_VARIABLE, dir.resolve("logs").toString());
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isEqualTo(RewriteCli.BAD_INPUT);
    assertThat(err.strip().lines()).hasSize(1);
    assertThat(err).contains("REWRITER_SOLVE_MIN_SUPORT", "REWRITER_SOLVE_MIN_SUPPORT");
  }
}
