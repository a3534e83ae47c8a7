package org.selflearn.rewriter.offline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewriteCliTest {
  static final String GOOD = "{\"v\":1,\"eventId\":\"ID\",\"timestamp\":\"2026-11-20T07:02:11.000Z\","
      + "\"customerId\":\"c-1\",\"utterance\":\"play imagine dragons\",\"response\":{\"status\":\"SUCCESS\"}}";
  @TempDir
  Path dir;

  @Test
  void validateKeepsGoodEventsAndWritesEachRejectionWithLineAndField() throws IOException {
    Path logs = dir.resolve("mixed.jsonl");
    Files.write(logs, List.of(GOOD.replace("ID", "a"), "{broken", GOOD.replace("ID", "b"),
        GOOD.replace("ID", "c").replace("\"customerId\":\"c-1\",", ""),
        GOOD.replace("ID", "d").replace("SUCCESS", "MAYBE"), GOOD.replace("ID", "a"),
        GOOD.replace("ID", "e").replace("2026-11-20T07:02:11.000Z", "noon"),
        GOOD.replace("ID", "f").replace("\"utterance\":\"play imagine dragons\"", "\"utterance\":42"),
        GOOD.replace("ID", "g")), StandardCharsets.UTF_8);
    Path rejects = dir.resolve("rejects.jsonl");
    int code = RewriteCli.run("validate", "--logs", logs.toString(), "--rejects", rejects.toString());
    assertThat(code).isEqualTo(RewriteCli.BAD_INPUT);
    List<String> lines = Files.readAllLines(rejects);
    assertThat(lines).hasSize(6);
    assertThat(String.join("\n", lines)).contains("\"line\":2", "\"field\":\"$\"", "\"field\":\"customerId\"",
        "\"field\":\"response.status\"", "\"field\":\"eventId\"", "\"field\":\"timestamp\"",
        "\"field\":\"utterance\"");
  }

  @Test
  void validateOfACleanFileExitsZeroAndBadUsageExitsTwo() throws IOException {
    Path logs = dir.resolve("clean.jsonl");
    Files.write(logs, List.of(GOOD.replace("ID", "a"), GOOD.replace("ID", "b")), StandardCharsets.UTF_8);
    assertThat(RewriteCli.run("validate", "--logs", logs.toString())).isZero();
    assertThat(RewriteCli.run("validate", "--logs", dir.resolve("missing.jsonl").toString()))
        .isEqualTo(RewriteCli.BAD_INPUT);
    assertThat(RewriteCli.run("validate")).isEqualTo(RewriteCli.BAD_INPUT);
    assertThat(RewriteCli.run("no-such-command")).isEqualTo(RewriteCli.BAD_INPUT);
    assertThat(RewriteCli.run("version")).isZero();
  }

  @Test
  void simulatedLogsValidateWithZeroRejects() {
    Path out = dir.resolve("world");
    assertThat(RewriteCli.run("simulate", "--out", out.toString(), "--customers", "150", "--days", "4")).isZero();
    assertThat(RewriteCli.run("validate", "--logs", out.resolve("train.jsonl").toString())).isZero();
    assertThat(RewriteCli.run("validate", "--logs", out.resolve("eval.jsonl").toString())).isZero();
    assertThat(out.resolve("simulation-summary.json")).exists();
  }

  @Test
  void aBadConfigurationValueExitsTwoNamingTheKey() throws IOException {
    Path cfg = dir.resolve("bad.yaml");
    Files.writeString(cfg, "solve:\n  min-support: -3\n");
    assertThat(RewriteCli.run("config", "--print", "--config", cfg.toString())).isEqualTo(RewriteCli.BAD_INPUT);
    assertThat(RewriteCli.run("config", "--print")).isZero();
  }
}
