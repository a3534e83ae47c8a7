package org.selflearn.rewriter.offline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.online.ModelHome;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/** {@code ./rewrite publish} and {@code ./rewrite rollback} in this process: output, exit codes, errors that name. */
class PublishRollbackCommandTest {
  @TempDir
  Path tmp;

  @Test
  void publishTwiceRollbackAndServeTheVersionedDirectoryWithEveryModelCommand() throws IOException {
    new LogSimulator(BuiltInWorld.build(3), SimulationOptions.of(120, 4, 5)).run(tmp.resolve("w"), d -> { });
    Path config = tmp.resolve("config.yaml");
    Files.writeString(config, "online:\n  embedder: NONE\ncalibration:\n  enabled: false\n");
    String logs = tmp.resolve("w/train.jsonl").toString();
    String model = tmp.resolve("model").toString();

    ConsoleCapture first = ConsoleCapture.run("publish", "--config", config.toString(), "--logs", logs, "--model",
        model, "--keep", "2");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("published model version v-000001");
    ConsoleCapture second = ConsoleCapture.run("publish", "--config", config.toString(), "--logs", logs, "--model",
        model);
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("published model version v-000002").contains("(was v-000001)");

    ConsoleCapture one = ConsoleCapture.run("rewrite", "--model", model, "play imagine dragons");
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(ConsoleCapture.run("forget", "--model", model, "--customer", "c-1").out())
        .contains("in 2 model versions");

    ConsoleCapture back = ConsoleCapture.run("rollback", "--model", model);
    assertThat(back.code()).as(back.err()).isZero();
    assertThat(back.out()).contains("now serves v-000001 (was v-000002)");
    assertThat(new ModelHome(Path.of(model)).currentVersion()).isEqualTo("v-000001");

    ConsoleCapture missing = ConsoleCapture.run("rollback", "--model", model, "--to", "v-000009");
    assertThat(missing.code()).isEqualTo(RewriteCli.BAD_INPUT);
    assertThat(missing.errorLines()).singleElement().asString().contains("v-000009").contains("kept: v-000001,"
        + " v-000002");
    Files.delete(Path.of(model, "versions", "v-000002", "ranker.json"));
    ConsoleCapture damaged = ConsoleCapture.run("rollback", "--model", model, "--to", "v-000002");
    assertThat(damaged.code()).isEqualTo(RewriteCli.BAD_INPUT);
    assertThat(damaged.errorLines()).singleElement().asString().contains("v-000002").contains("ranker.json");
    assertThat(new ModelHome(Path.of(model)).currentVersion()).isEqualTo("v-000001");

    ConsoleCapture plain = ConsoleCapture.run("publish", "--config", config.toString(), "--logs", logs, "--model",
        Path.of(model, "versions", "v-000001").toString());
    assertThat(plain.code()).isEqualTo(RewriteCli.BAD_INPUT);
    assertThat(plain.errorLines()).singleElement().asString().contains("not a versioned model directory");
    ConsoleCapture keep = ConsoleCapture.run("publish", "--logs", logs, "--model", model, "--keep", "0");
    assertThat(keep.code()).isEqualTo(RewriteCli.BAD_INPUT);
    assertThat(keep.errorLines()).singleElement().asString().contains("--keep");
  }
}
