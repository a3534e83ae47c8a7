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

/** {@code ./rewrite compare}'s bad input: exit 2 with one line naming the option, as every other command. */
class CompareCommandTest {
  @TempDir
  Path dir;
  Path logs;

  @BeforeEach
  void files() throws IOException {
    logs = dir.resolve("logs.jsonl");
    Files.write(logs, List.of(RewriteCliTest.GOOD.replace("ID", "a")), StandardCharsets.UTF_8);
  }

  private ConsoleCapture badInput(String... args) {
    ConsoleCapture c = ConsoleCapture.run(args);
    assertThat(c.code()).as(String.join(" ", args) + "\n" + c.err()).isEqualTo(RewriteCli.BAD_INPUT);
    assertThat(c.errorLines()).as(c.err()).hasSize(1);
    assertThat(c.err()).doesNotContain("\tat ", "Exception");
    return c;
  }

  private String[] args(String baseline, String logFile, String report, String... more) {
    List<String> a = new java.util.ArrayList<>(List.of("compare", "--baseline", baseline, "--candidate",
        dir.resolve("no-model-b").toString(), "--logs", logFile, "--report", report));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void missingOptionsLogsModelsAndUnwritableReportsExitTwoNamingTheOption() throws IOException {
    String report = dir.resolve("r.json").toString();
    assertThat(badInput("compare", "--baseline", "a", "--logs", logs.toString(), "--report", report).err())
        .contains("--candidate");
    assertThat(badInput(args(dir.resolve("a").toString(), dir.resolve("none.jsonl").toString(), report)).err())
        .contains("--logs");
    assertThat(badInput(args(dir.resolve("no-model-a").toString(), logs.toString(), report)).err())
        .contains("--baseline");
    assertThat(badInput(args(dir.resolve("no-model-a").toString(), logs.toString(), dir.toString())).err())
        .contains("--report", "is a directory");
    assertThat(badInput(args(dir.resolve("no-model-a").toString(), logs.toString(), report, "--resamples", "5"))
        .err()).contains("--resamples");
    assertThat(badInput(args(dir.resolve("no-model-a").toString(), logs.toString(), report, "--threads", "-1"))
        .err()).contains("--threads");
    Path aFile = dir.resolve("a-file");
    Files.writeString(aFile, "x");
    assertThat(badInput(args(dir.resolve("no-model-a").toString(), logs.toString(), report, "--html",
        aFile.resolve("c.html").toString())).err()).contains("--html");
  }
}
