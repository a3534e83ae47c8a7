package org.selflearn.rewriter.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;

/**
 * A versioned model directory ({@code CURRENT} naming one of {@code versions/v-NNNNNN}) is opened at its current
 * version and a new whole-model version is installed by the same single-flight refresh as a new table: completely
 * loaded before any request sees it, the old version's files closed when its last request is done.
 */
class WholeModelReloadTest {
  @TempDir
  Path tmp;
  Path home;

  @BeforeEach
  void writeVersionOneAndWarmTheProcess() throws Exception {
    home = tmp.resolve("model");
    TestModels.writeModelVersion(home, 1);
    TestModels.pointModelAt(home, 1);
    // load every class and native library once, so that the descriptor counts below compare like with like
    Path warm = TestModels.write(tmp.resolve("warm"));
    try (QueryRewriter r = QueryRewriter.open(warm, config())) {
      r.rewrite(RewriteRequest.of("play imagine dragon", "c-1"));
    }
  }

  private static RewriterConfig config() {
    return RewriterConfig.defaults().with(ConfigKeys.BUDGET_MS, 2_000.0).with(ConfigKeys.RELOAD_SECONDS, 0);
  }

  @Test
  void aPlainDirectoryServesAsBeforeWithNoModelVersion() {
    try (QueryRewriter r = QueryRewriter.open(tmp.resolve("warm"), config())) {
      assertThat(r.modelVersion()).isNull();
      assertThat(r.tableVersion()).isEqualTo("v-000001");
      assertThat(r.reloadIfChanged()).isFalse();
    }
  }

  @Test
  void opensTheCurrentVersionAndInstallsANewOneWhenCurrentMoves() throws Exception {
    int before = TestModels.openFileDescriptors();
    try (QueryRewriter r = QueryRewriter.open(home, config())) {
      assertThat(r.modelVersion()).isEqualTo("v-000001");
      assertThat(hello(r)).isEqualTo("hello world 1");
      TestModels.writeModelVersion(home, 2);
      assertThat(r.reloadIfChanged()).as("written but not current yet").isFalse();
      TestModels.pointModelAt(home, 2);
      assertThat(r.reloadIfChanged()).isTrue();
      assertThat(r.reloadIfChanged()).isFalse();
      assertThat(r.modelVersion()).isEqualTo("v-000002");
      assertThat(r.tableVersion()).isEqualTo("v-000002");
      assertThat(hello(r)).isEqualTo("hello world 2");
      assertThat(r.metrics().openVersions()).isEqualTo(1); // no request held v-000001: closed at once
      TestModels.pointModelAt(home, 1); // a rollback is a switch like any other
      assertThat(r.reloadIfChanged()).isTrue();
      assertThat(hello(r)).isEqualTo("hello world 1");
    }
    assertThat(TestModels.openFileDescriptors()).as("open file descriptors after close").isEqualTo(before);
  }

  @Test
  void aBrokenNewVersionIsNotInstalledAndLeavesTheServingOneAlone() throws Exception {
    int before = TestModels.openFileDescriptors();
    try (QueryRewriter r = QueryRewriter.open(home, config())) {
      Path v2 = TestModels.writeModelVersion(home, 2);
      Files.delete(new ModelDirectory(v2).ranker());
      TestModels.pointModelAt(home, 2);
      assertThatThrownBy(r::reloadIfChanged).hasMessageContaining("ranker.json");
      assertThat(r.modelVersion()).isEqualTo("v-000001");
      assertThat(hello(r)).isEqualTo("hello world 1");
      TestModels.writeRanker(new ModelDirectory(v2).ranker());
      assertThat(r.reloadIfChanged()).isTrue();
      assertThat(hello(r)).isEqualTo("hello world 2");
      TestModels.pointModelAt(home, 7);
      assertThatThrownBy(r::reloadIfChanged).hasMessageContaining("v-000007");
      assertThat(r.modelVersion()).isEqualTo("v-000002");
    }
    assertThat(TestModels.openFileDescriptors()).as("open file descriptors after close").isEqualTo(before);
  }

  @Test
  void aVersionedDirectoryWithNothingPublishedIsRefusedNamingCurrent() throws Exception {
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty.resolve(ModelHome.VERSIONS));
    assertThatThrownBy(() -> QueryRewriter.open(empty, config())).hasMessageContaining("CURRENT")
        .hasMessageContaining("no model version published yet");
  }

  /**
   * Four caller threads while two new versions are published and a reloader polls every millisecond: no request
   * fails, every answer comes from one complete version (its own table rewrite, with the global and personal layers
   * answering as in every version), each thread sees the versions in publishing order, and after close every file
   * descriptor is released.
   */
  @Test
  void twoVersionsPublishedUnderConcurrentLoadFailNoRequestAndLeakNothing() throws Exception {
    int before = TestModels.openFileDescriptors();
    QueryRewriter r = QueryRewriter.open(home, config());
    AtomicBoolean stop = new AtomicBoolean();
    Queue<Throwable> escaped = new ConcurrentLinkedQueue<>();
    Map<String, LongAdder> seen = new ConcurrentHashMap<>();
    LongAdder requests = new LongAdder();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      threads.add(Thread.ofPlatform().name("caller-" + i).start(() -> {
        int last = 1;
        while (!stop.get()) {
          try {
            RewriteResult table = r.rewrite(RewriteRequest.of("hello wrld", "c-1"));
            check(table.reason().equals("table") && table.rewrite().startsWith("hello world "), table);
            int version = Integer.parseInt(table.rewrite().substring("hello world ".length()));
            check(version >= last, table); // never back to an older version once a newer one answered
            last = version;
            seen.computeIfAbsent(table.rewrite(), k -> new LongAdder()).increment();
            RewriteResult global = r.rewrite(RewriteRequest.of("play imagine dragon", null));
            check(global.source() == RewriteSource.GLOBAL && "play imagine dragons".equals(global.rewrite()), global);
            RewriteResult personal = r.rewrite(RewriteRequest.of("whats the weather in wilkerson", "c-1"));
            check(personal.source() == RewriteSource.PERSONAL, personal);
            requests.add(3);
          } catch (Throwable t) {
            escaped.add(t);
            return;
          }
        }
      }));
    }
    Thread reloader = Thread.ofPlatform().name("reloader").start(() -> {
      while (!stop.get()) {
        try {
          r.reloadIfChanged();
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        } catch (Throwable t) {
          escaped.add(t);
        }
      }
    });
    threads.add(reloader);
    for (int v = 2; v <= 3; v++) {
      Thread.sleep(300);
      TestModels.writeModelVersion(home, v); // written while requests run, then switched to
      TestModels.pointModelAt(home, v);
    }
    long end = System.nanoTime() + 10_000_000_000L;
    while (!seen.containsKey("hello world 3") && escaped.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    Thread.sleep(200);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(escaped).isEmpty();
    assertThat(r.metrics().failures()).as("failed-open requests").isEmpty();
    assertThat(seen.keySet()).containsExactlyInAnyOrder("hello world 1", "hello world 2", "hello world 3");
    assertThat(requests.sum()).isGreaterThan(100);
    assertThat(r.modelVersion()).isEqualTo("v-000003");
    r.close();
    assertThat(r.metrics().openVersions()).isZero();
    assertThat(TestModels.openFileDescriptors()).as("open file descriptors after close").isEqualTo(before);
  }

  private static void check(boolean ok, RewriteResult r) {
    if (!ok) {
      throw new AssertionError("unexpected answer: " + r);
    }
  }

  private static String hello(QueryRewriter r) {
    return r.rewrite(RewriteRequest.of("hello wrld", null)).rewrite();
  }
}
