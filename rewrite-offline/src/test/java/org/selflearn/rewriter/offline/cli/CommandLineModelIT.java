package org.selflearn.rewriter.offline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/**
 * The command line on a real model (trained once, with the bundled MiniLM embedder): train's console and reject line,
 * every damaged model part refused in one line with exit code 2, retraining with --force, a quiet terminal, and a
 * well-formed HTML report.
 */
@Tag("integration")
class CommandLineModelIT {
  @TempDir
  static Path dir;
  static Path world;
  static Path model;
  static ConsoleCapture trained;

  @BeforeAll
  static void train() throws IOException {
    world = dir.resolve("world");
    new LogSimulator(BuiltInWorld.build(5), SimulationOptions.of(300, 6, 5)).run(world, d -> { });
    Files.write(world.resolve("train.jsonl"), List.of("{broken", "[]", "{\"v\":1}"), StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    model = dir.resolve("model");
    trained = ConsoleCapture.run("train", "--logs", world.resolve("train.jsonl").toString(), "--out",
        model.toString());
    assertThat(trained.code()).as(trained.err()).isZero();
  }

  @Test
  void trainPrintsShortLinesAndOneLineOfRejects() throws IOException {
    assertThat(trained.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThan(200));
    assertThat(trained.out()).contains("3 rejected (by field:").doesNotContain("{", "=");
    assertThat(Files.readAllLines(model.resolve(TrainCommand.REJECTS))).hasSize(3)
        .allSatisfy(l -> assertThat(l).contains("\"field\"", "\"reason\""));
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-") || n.contains(".old-"));
    }
  }

  private record Damage(String name, String expected, Damager how) {}

  private interface Damager {
    void apply(Path model) throws IOException;
  }

  @Test
  void everyDamagedPartIsOneLineNamingItAndExitTwo() throws IOException {
    List<Damage> damages = new ArrayList<>();
    damages.add(new Damage("global deleted", "global", m -> deleteTree(m.resolve("global"))));
    damages.add(new Damage("global truncated", "global", m -> truncate(largest(m.resolve("global")), 100)));
    damages.add(new Damage("global segments file deleted", "segments", m -> {
      try (var s = Files.list(m.resolve("global"))) {
        for (Path p : s.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
          Files.delete(p);
        }
      }
    }));
    damages.add(new Damage("sst deleted", ".sst", m -> Files.delete(sst(m))));
    damages.add(new Damage("sst corrupted", "checksum", m -> {
      try (RandomAccessFile f = new RandomAccessFile(sst(m).toFile(), "rw")) {
        f.seek(Math.min(200, f.length() / 2));
        f.write("XXXXXXXX".getBytes(StandardCharsets.US_ASCII));
      }
    }));
    damages.add(new Damage("garbage table manifest", "manifest.json", m ->
        Files.writeString(tableVersion(m).resolve("manifest.json"), "garbage")));
    damages.add(new Damage("CURRENT names a missing version", "v-000099", m ->
        Files.writeString(m.resolve("table/CURRENT"), "v-000099\n")));
    damages.add(new Damage("personal CURRENT deleted", "personal", m -> Files.delete(m.resolve("personal/CURRENT"))));
    damages.add(new Damage("ranker key missing", "'bias'", m -> Files.writeString(m.resolve("ranker.json"),
        Files.readString(m.resolve("ranker.json")).replaceFirst("\"bias\"", "\"bais\""))));
    damages.add(new Damage("ranker not JSON", "ranker.json", m -> Files.writeString(m.resolve("ranker.json"), "{")));
    for (Damage d : damages) {
      Path copy = dir.resolve("damaged-" + d.name().replace(' ', '-'));
      copyTree(model, copy);
      d.how().apply(copy);
      ConsoleCapture c = ConsoleCapture.run("rewrite", "--model", copy.toString(), "play maj and dragons");
      assertThat(c.code()).as(d.name() + ": " + c.err()).isEqualTo(RewriteCli.BAD_INPUT);
      assertThat(c.errorLines()).as(d.name() + ": " + c.err()).hasSize(1);
      assertThat(c.errorLines().get(0)).as(d.name()).contains(copy.toString(), d.expected());
      assertThat(c.err()).as(d.name()).doesNotContain("\tat ");
    }
    assertThat(dir.resolve("damaged-global-deleted/global")).as("opening must not create it").doesNotExist();
    Path noPersonal = dir.resolve("damaged-personal-CURRENT-deleted");
    assertThat(ConsoleCapture.run("forget", "--model", noPersonal.toString(), "--customer", "c-1").code())
        .isEqualTo(RewriteCli.BAD_INPUT);
    Path badManifest = dir.resolve("damaged-garbage-table-manifest");
    assertThat(ConsoleCapture.run("replay", "--model", badManifest.toString(), "--logs",
        world.resolve("eval.jsonl").toString(), "--report", dir.resolve("r.json").toString()).code())
        .isEqualTo(RewriteCli.BAD_INPUT);
    assertThat(ConsoleCapture.run("explain", "--model", badManifest.toString(), "play").code())
        .isEqualTo(RewriteCli.BAD_INPUT);
  }

  @Test
  void retrainingReplacesTheWholeModelOnlyWithForce() throws IOException {
    Path out = dir.resolve("retrained");
    copyTree(model, out);
    Path few = dir.resolve("few.jsonl");
    List<String> lines = Files.readAllLines(world.resolve("train.jsonl"));
    Files.write(few, lines.subList(0, lines.size() / 3));
    assertThat(ConsoleCapture.run("train", "--logs", few.toString(), "--out", out.toString()).code())
        .isEqualTo(RewriteCli.BAD_INPUT);
    ConsoleCapture c = ConsoleCapture.run("train", "--logs", few.toString(), "--out", out.toString(), "--force");
    assertThat(c.code()).as(c.err()).isZero();
    String before = Files.readString(model.resolve("train-summary.json"));
    String after = Files.readString(out.resolve("train-summary.json"));
    assertThat(after).isNotEqualTo(before);
    assertThat(personalCustomers(after)).isLessThan(personalCustomers(before));
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-") || n.contains(".old-"));
    }
  }

  @Test
  void theTerminalShowsOnlyOurLinesAndTheLogPath() throws Exception {
    Path launcher = Path.of("..", "rewrite").toAbsolutePath().normalize();
    Path logs = dir.resolve("logs");
    ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "rewrite", "--model", model.toString(),
        "play maj and dragons");
    pb.environment().put(LogFile.DIR_VARIABLE, logs.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(out).contains("threshold");
    assertThat(err).doesNotContain("WARN", "INFO", "CUDA", "incubator", "\tat ");
    for (String line : err.strip().lines().toList()) {
      assertThat(line).startsWith("log: ");
      assertThat(Path.of(line.substring(5))).exists().startsWith(logs);
    }
  }

  @Test
  void theHtmlReportOfARealReplayIsWellFormedXml() throws Exception {
    Path html = dir.resolve("report.html");
    ConsoleCapture c = ConsoleCapture.run("replay", "--model", model.toString(), "--logs",
        world.resolve("eval.jsonl").toString(), "--report", dir.resolve("report.json").toString(), "--html",
        html.toString(), "--baselines");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThan(160));
    assertThat(c.out()).contains("strategy", "PRECOMPUTED").doesNotContain("{", "=");
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(html.toFile());
  }

  private static long personalCustomers(String summaryJson) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"personalCustomers\"\\s*:\\s*(\\d+)")
        .matcher(summaryJson);
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static Path tableVersion(Path m) throws IOException {
    return m.resolve("table").resolve(Files.readString(m.resolve("table/CURRENT")).strip());
  }

  private static Path sst(Path m) throws IOException {
    try (var s = Files.list(tableVersion(m))) {
      return s.filter(p -> p.toString().endsWith(".sst")).findFirst().orElseThrow();
    }
  }

  private static Path largest(Path d) throws IOException {
    try (var s = Files.list(d)) {
      return s.max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
  }

  private static void truncate(Path f, long size) throws IOException {
    try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
      r.setLength(size);
    }
  }

  private static void deleteTree(Path p) {
    org.selflearn.rewriter.offline.io.Directories.deleteTree(p);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals("LOCK")) {
          Files.copy(p, target);
        }
      }
    }
  }
}
