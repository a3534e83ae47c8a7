package org.selflearn.rewriter.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;

/**
 * Model versions are reference-counted: a version closes when its last request is done, reloads run one at a time,
 * and nothing is read after close. Native handles are counted through {@code /proc/self/fd} before and after.
 */
class ModelVersionLifecycleTest {
  private static final List<String> REQUESTS = List.of("hello wrld", "play maj and dragons", "play imagine dragon",
      "whats the weather in boys", "order more nocchi", "something nobody ever said", "");
  private static final int VERSIONS = 20;

  @TempDir
  Path tmp;
  Path model;

  @BeforeEach
  void writeModelAndWarmTheProcess() throws Exception {
    model = TestModels.write(tmp.resolve("model"));
    // load every class and native library once, so that the descriptor counts below compare like with like
    try (QueryRewriter r = QueryRewriter.open(model, config(50))) {
      REQUESTS.forEach(q -> r.rewrite(RewriteRequest.of(q, "c-1")));
      TestModels.publishTable(model.resolve("table"), 2);
      r.reloadIfChanged();
      REQUESTS.forEach(q -> r.rewrite(RewriteRequest.of(q, "c-1")));
    }
  }

  private static RewriterConfig config(double budgetMs) {
    return RewriterConfig.defaults().with(ConfigKeys.BUDGET_MS, budgetMs).with(ConfigKeys.RELOAD_SECONDS, 0);
  }

  @Test
  void servesTheTableAndTheIndexesOfTheTestModel() {
    try (QueryRewriter r = QueryRewriter.open(model, config(1_000))) {
      assertThat(r.rewrite(RewriteRequest.of("Hello wrld!", null)).rewrite()).isEqualTo("hello world 2");
      RewriteResult ranked = r.rewrite(RewriteRequest.of("play imagine dragon", null));
      assertThat(ranked.rewrite()).isEqualTo("play imagine dragons");
      assertThat(ranked.source()).isEqualTo(RewriteSource.GLOBAL);
    }
  }

  @Test
  void aRequestAfterCloseIsAnsweredUnchangedWithoutTouchingTheModel() {
    int before = TestModels.openFileDescriptors();
    QueryRewriter r = QueryRewriter.open(model, config(50));
    r.close();
    r.close(); // idempotent
    assertThat(TestModels.openFileDescriptors()).isEqualTo(before);
    for (String q : REQUESTS) {
      RewriteResult res = r.rewrite(RewriteRequest.of(q, "c-1"));
      assertThat(res.reason()).isEqualTo("closed");
      assertThat(res.effective()).isEqualTo(q);
    }
    assertThat(r.metrics().failures()).containsEntry("closed", (long) REQUESTS.size());
    assertThat(r.metrics().openVersions()).isZero();
    assertThat(r.tableVersion()).isNull();
    assertThat(r.reloadIfChanged()).isFalse();
    assertThatThrownBy(() -> r.forget("c-1")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void concurrentReloadsOpenTheNewTableOnceAndCloseTheOldOne() throws Exception {
    int before = TestModels.openFileDescriptors();
    try (QueryRewriter r = QueryRewriter.open(model, config(50))) {
      TestModels.publishTable(model.resolve("table"), 3);
      int threads = 8;
      CountDownLatch start = new CountDownLatch(1);
      AtomicInteger installed = new AtomicInteger();
      List<Thread> callers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        callers.add(Thread.ofPlatform().start(() -> {
          try {
            start.await();
            if (r.reloadIfChanged()) {
              installed.incrementAndGet();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }));
      }
      start.countDown();
      for (Thread t : callers) {
        t.join();
      }
      assertThat(installed.get()).isEqualTo(1);
      assertThat(r.tableVersion()).isEqualTo("v-000003");
      assertThat(r.metrics().openVersions()).isEqualTo(1); // the old version had no request: closed at once
      assertThat(r.rewrite(RewriteRequest.of("hello wrld", null)).rewrite()).isEqualTo("hello world 3");
    }
    assertThat(TestModels.openFileDescriptors()).isEqualTo(before);
  }

  @Test
  void manyThreadsWithReloadsEveryFewMillisecondsAndUseAfterCloseNeitherCrashNorLeak() throws Exception {
    for (int v = 3; v < 3 + VERSIONS; v++) {
      TestModels.writeTableVersion(model.resolve("table"), v);
    }
    int before = TestModels.openFileDescriptors();
    QueryRewriter r = QueryRewriter.open(model, config(1), new SimpleMeterRegistry(), null);
    AtomicBoolean stop = new AtomicBoolean();
    Queue<Throwable> escaped = new ConcurrentLinkedQueue<>();
    Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
    AtomicInteger reloads = new AtomicInteger();
    AtomicInteger published = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      SplittableRandom random = new SplittableRandom(i);
      threads.add(Thread.ofPlatform().name("caller-" + i).start(() -> {
        while (!stop.get()) {
          String q = REQUESTS.get(random.nextInt(REQUESTS.size()));
          try {
            RewriteResult res = r.rewrite(RewriteRequest.of(q, random.nextBoolean() ? "c-1" : null));
            reasons.computeIfAbsent(res.reason(), k -> new LongAdder()).increment();
            if (!res.effective().equals(q) && !"table".equals(res.reason()) && !res.changed()) {
              escaped.add(new AssertionError("unchanged result changed the text: " + res));
            }
          } catch (Throwable t) {
            escaped.add(t);
          }
        }
      }));
    }
    for (int i = 0; i < 3; i++) {
      threads.add(Thread.ofPlatform().name("reloader-" + i).start(() -> {
        while (!stop.get()) {
          try {
            if (r.reloadIfChanged()) {
              reloads.incrementAndGet();
            }
            Thread.sleep(1);
          } catch (InterruptedException e) {
            return;
          } catch (Throwable t) {
            escaped.add(t);
          }
        }
      }));
    }
    Thread publisher = Thread.ofPlatform().name("publisher").start(() -> {
      try {
        long end = System.nanoTime() + 1_500_000_000L;
        for (int i = 0; System.nanoTime() < end; i++) {
          TestModels.pointCurrentAt(model.resolve("table"), 3 + i % VERSIONS); // a reload every few milliseconds
          published.incrementAndGet();
          Thread.sleep(2);
        }
      } catch (Throwable t) {
        escaped.add(t);
      }
    });
    publisher.join();
    r.close(); // while callers and reloaders are still running
    Thread.sleep(200);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }

    assertThat(escaped).isEmpty();
    assertThat(reloads.get()).as("reloads (of %d publications; few under heavy CPU load)", published.get())
        .isGreaterThanOrEqualTo(5);
    assertThat(reasons).containsKeys("table", "closed");
    assertThat(r.metrics().openVersions()).isZero();
    assertThat(r.rewrite(RewriteRequest.of("hello wrld", null)).reason()).isEqualTo("closed");
    assertThat(TestModels.openFileDescriptors()).as("open file descriptors after close").isEqualTo(before);
  }
}
