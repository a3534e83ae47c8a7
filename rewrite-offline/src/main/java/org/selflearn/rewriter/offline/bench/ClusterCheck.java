package org.selflearn.rewriter.offline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.selflearn.rewriter.common.codec.EventFileReader;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.stats.Percentile;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.stream.EventFileProducer;
import org.selflearn.rewriter.online.index.PersonalProfile;

/**
 * Checks a running sharded deployment the way its operators would (README, "Several serving instances"): serving
 * instances started with {@code serve --bootstrap}, a single-node {@code serve --model} on the same model, the
 * streaming job and a broker, all on 127.0.0.1. Measures: the same effective rewrite everywhere; latency of requests
 * whose memory is read locally vs from another instance; each instance's personal bytes on disk; how long a
 * customer's new sessions take to reach the instances (freshness) and an erasure to leave them; and, while four
 * clients send requests to the survivors, {@code kill -9} of one instance: every answer's status, and when the
 * memories it owned are read again. Bounded in requests and time.
 */
public final class ClusterCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CLIENTS = 4;
  private static final long KILL_AFTER_MS = 5_000;
  private static final long LOAD_MS = 25_000;
  private static final long WAIT_MS = 60_000;

  /**
   * What to check.
   *
   * @param single the single-node instance serving the same model
   * @param instances the sharded instances
   * @param pids their process ids, in the same order (the last one is killed)
   * @param stateDirs their {@code stream.state-dir}s, in the same order
   */
  public record Setup(String bootstrap, URI single, List<URI> instances, List<Long> pids, List<Path> stateDirs,
      Path logs, int requests, RewriterConfig config) {}

  private final Setup s;
  private final Consumer<String> out;
  private final ClusterClient client = new ClusterClient();

  private ClusterCheck(Setup s, Consumer<String> out) {
    this.s = s;
    this.out = out;
  }

  /** Runs every check and returns the figures (also printed, one line per check). */
  public static Map<String, Object> run(Setup s, Consumer<String> out) throws Exception {
    return new ClusterCheck(s, out).run();
  }

  private Map<String, Object> run() throws Exception {
    List<InteractionEvent> events = new ArrayList<>();
    EventFileReader.forEach(s.logs(), events::add, r -> { });
    List<InteractionEvent> requests = events.stream().filter(e -> !e.customerId().isBlank()).limit(s.requests())
        .toList();
    Map<String, Object> report = new LinkedHashMap<>();
    Map<String, String> ownerOf = new HashMap<>();
    report.put("sameAnswers", sameAnswers(requests, ownerOf));
    report.put("diskBytes", diskBytes());
    String fresh = customerWithMostEvents(events);
    report.put("freshness", freshness(fresh));
    report.put("erasure", erasure(fresh));
    report.put("kill", kill(requests, ownerOf));
    return report;
  }

  private static String body(InteractionEvent e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("utterance", e.utterance());
    n.put("customerId", e.customerId());
    n.put("deviceType", e.deviceType().name());
    n.put("time", e.timestamp().toString());
    return n.toString();
  }

  /** Every request to the single node and to each instance (after one warm-up pass); latency by where memory was. */
  private Map<String, Object> sameAnswers(List<InteractionEvent> requests, Map<String, String> ownerOf) {
    for (InteractionEvent e : requests) {
      s.instances().forEach(i -> client.rewrite(i, body(e)));
    }
    int differ = 0;
    int differWithoutMemory = 0;
    int failed = 0;
    Map<String, List<Long>> nanos = new LinkedHashMap<>();
    for (InteractionEvent e : requests) {
      String b = body(e);
      ClusterClient.Answer expected = client.rewrite(s.single(), b);
      for (URI i : s.instances()) {
        ClusterClient.Answer a = client.rewrite(i, b);
        if (a.status() != 200 || expected.status() != 200) {
          failed++;
          continue;
        }
        if (!a.effective().equals(expected.effective())) {
          differ++;
          differWithoutMemory += a.heldBy() == null ? 1 : 0;
        }
        String self = i.getHost() + ":" + i.getPort();
        String where = a.heldBy() == null ? "none" : a.heldBy().equals(self) ? "local" : "forwarded";
        nanos.computeIfAbsent(where, k -> new ArrayList<>()).add(a.nanos());
        if (a.heldBy() != null) {
          ownerOf.put(e.customerId(), a.heldBy());
        }
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requests", requests.size());
    m.put("instances", s.instances().size());
    m.put("differentEffective", differ);
    m.put("ofThemMemoryNotReadInTime", differWithoutMemory);
    m.put("failed", failed);
    Map<String, Object> latency = new LinkedHashMap<>();
    nanos.forEach((k, v) -> latency.put(k, percentiles(v)));
    m.put("latencyMs", latency);
    out.accept(String.format(Locale.ROOT, "same answers: %d requests × %d instances vs the single node: %d differ"
        + " (%d of them read no memory in time), %d failed; latency (ms) by where the memory was read %s",
        requests.size(), s.instances().size(), differ, differWithoutMemory, failed, latency));
    return m;
  }

  private static Map<String, Object> percentiles(List<Long> nanos) {
    long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", a.length);
    m.put("p50", Math.round(Percentile.nearestRank(a, 0.5) / 1e4) / 100.0);
    m.put("p99", Math.round(Percentile.nearestRank(a, 0.99) / 1e4) / 100.0);
    return m;
  }

  private Map<String, Object> diskBytes() throws IOException {
    String app = s.config().get(ConfigKeys.SHARD_APPLICATION_ID);
    long[] bytes = new long[s.stateDirs().size()];
    long sum = 0;
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = size(s.stateDirs().get(i).resolve(app));
      sum += bytes[i];
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rocksDbFilesBytes", Arrays.stream(bytes).boxed().toList());
    for (String copies : List.of("owned", "owned+standby")) {
      long[] held = new long[s.instances().size()];
      for (int i = 0; i < held.length; i++) {
        held[i] = client.gauge(s.instances().get(i), "rewriter_shard_held_bytes{copies=\"" + copies + "\"");
      }
      long all = Arrays.stream(held).sum();
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("bytes", Arrays.stream(held).boxed().toList());
      c.put("shareOfAll", Arrays.stream(held).mapToObj(b -> Math.round(1000.0 * b / Math.max(1, all)) / 1000.0)
          .toList());
      m.put(copies, c);
    }
    out.accept("personal bytes per instance (memories owned; with standby copies; RocksDB files): " + m);
    return m;
  }

  private static long size(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0; // a file RocksDB removed while we walked
        }
      }).sum();
    }
  }

  private static String customerWithMostEvents(List<InteractionEvent> events) {
    Map<String, Integer> n = new HashMap<>();
    events.forEach(e -> n.merge(e.customerId(), 1, Integer::sum));
    return n.entrySet().stream().filter(e -> !e.getKey().isBlank())
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow().getKey();
  }

  /** Produces one customer's events and waits until every instance holding their memory holds the new one. */
  private Map<String, Object> freshness(String customer) throws Exception {
    Map<URI, byte[]> before = held(customer);
    Path file = Files.createTempFile("cluster-check-fresh", ".jsonl");
    try {
      List<String> lines = new ArrayList<>();
      for (String line : Files.readAllLines(unzipped(s.logs()), StandardCharsets.UTF_8)) {
        if (!line.isBlank() && customer.equals(JSON.readTree(line).path("customerId").asText())) {
          lines.add(line);
        }
      }
      Files.write(file, lines, StandardCharsets.UTF_8);
      long t0 = System.nanoTime();
      EventFileProducer.produce(file, s.bootstrap(), s.config().get(ConfigKeys.INPUT_TOPIC));
      Map<String, Object> m = awaitAll(customer, t0, (i, now) -> now != null && !Arrays.equals(now, before.get(i)));
      m.put("events", lines.size());
      m.put("holdersBefore", before.size());
      out.accept("freshness: a customer's " + lines.size() + " new events reached their memory on every holder: " + m);
      return m;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Path unzipped(Path logs) throws IOException {
    if (!logs.toString().endsWith(".gz")) {
      return logs;
    }
    Path plain = Files.createTempFile("cluster-check-logs", ".jsonl");
    plain.toFile().deleteOnExit();
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(logs))) {
      Files.copy(in, plain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return plain;
  }

  private Map<String, Object> erasure(String customer) throws Exception {
    long t0 = System.nanoTime();
    int status = client.forget(s.instances().get(0), customer);
    byte[] empty = PersonalProfile.EMPTY.toBytes();
    Map<String, Object> m = awaitAll(customer, t0, (i, now) -> now == null || Arrays.equals(now, empty));
    m.put("deleteStatus", status);
    out.accept("erasure: DELETE on one instance, memory gone from every holder: " + m);
    return m;
  }

  private interface Reached {
    boolean test(URI instance, byte[] now);
  }

  /**
   * Seconds until {@code reached} holds on each instance that holds a copy of the customer's partition (owner or
   * standby), all polled together (bounded by {@value #WAIT_MS} ms).
   */
  private Map<String, Object> awaitAll(String customer, long t0, Reached reached) throws InterruptedException {
    Map<URI, Double> seconds = new LinkedHashMap<>();
    long deadline = t0 + WAIT_MS * 1_000_000;
    List<URI> holders = new ArrayList<>(held(customer).keySet());
    while (seconds.size() < holders.size() && System.nanoTime() < deadline) {
      for (URI i : holders) {
        if (!seconds.containsKey(i) && reached.test(i, client.held(i, customer))) {
          seconds.put(i, Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
        }
      }
      Thread.sleep(20);
    }
    Map<String, Object> bySelf = new LinkedHashMap<>();
    holders.forEach(i -> bySelf.put(i.getHost() + ":" + i.getPort(), seconds.get(i)));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("secondsByHolder", bySelf);
    m.put("allWithinSeconds", seconds.size() == holders.size() && !holders.isEmpty()
        ? seconds.values().stream().mapToDouble(Double::doubleValue).max().orElse(0) : null);
    return m;
  }

  private Map<URI, byte[]> held(String customer) {
    Map<URI, byte[]> m = new HashMap<>();
    for (URI i : s.instances()) {
      byte[] b = client.held(i, customer);
      if (b != null) {
        m.put(i, b);
      }
    }
    return m;
  }

  /**
   * An instance's memory reads by where they were answered ({@code rewriter_shard_lookups_total}) and its requests
   * that went on without a memory, by reason ({@code rewriter_failures_total{reason="personal:…"}}).
   */
  private Map<String, Double> memoryReads(URI instance) {
    Map<String, Double> m = new java.util.TreeMap<>(client.samples(instance, "rewriter_shard_lookups_total"));
    client.samples(instance, "rewriter_failures_total").forEach((k, v) -> {
      if (k.contains("personal:")) {
        m.put(k, v);
      }
    });
    return m;
  }

  /** Four clients on the survivors; the last instance is killed with SIGKILL after {@value #KILL_AFTER_MS} ms. */
  private Map<String, Object> kill(List<InteractionEvent> requests, Map<String, String> ownerOf) throws Exception {
    int victimIndex = s.instances().size() - 1;
    URI victim = s.instances().get(victimIndex);
    String victimName = victim.getHost() + ":" + victim.getPort();
    List<URI> survivors = s.instances().subList(0, victimIndex);
    record Sample(long atMs, int status, boolean victimsCustomer, String heldBy) {}
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    long[] killedAt = {Long.MAX_VALUE};
    AtomicInteger next = new AtomicInteger();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int id = c;
      clients.add(Thread.ofPlatform().name("cluster-check-client-" + c).start(() -> {
        while ((System.nanoTime() - start) / 1_000_000 < LOAD_MS) {
          InteractionEvent e = requests.get(Math.floorMod(next.getAndIncrement(), requests.size()));
          ClusterClient.Answer a = client.rewrite(survivors.get(id % survivors.size()), body(e));
          samples.add(new Sample((System.nanoTime() - start) / 1_000_000, a.status(),
              victimName.equals(ownerOf.get(e.customerId())), a.heldBy()));
        }
      }));
    }
    Thread.sleep(KILL_AFTER_MS);
    List<Map<String, Double>> before = survivors.stream().map(this::memoryReads).toList();
    ProcessHandle.of(s.pids().get(victimIndex)).ifPresent(ProcessHandle::destroyForcibly);
    killedAt[0] = (System.nanoTime() - start) / 1_000_000;
    for (Thread t : clients) {
      t.join();
    }
    long answers = samples.size();
    long non200 = samples.stream().filter(x -> x.status() != 200).count();
    long victimsAfter = samples.stream().filter(x -> x.victimsCustomer() && x.atMs() >= killedAt[0]).count();
    long withoutMemory = samples.stream().filter(x -> x.victimsCustomer() && x.atMs() >= killedAt[0]
        && x.heldBy() == null).count();
    long lastWithout = samples.stream().filter(x -> x.victimsCustomer() && x.atMs() >= killedAt[0]
        && x.heldBy() == null).mapToLong(Sample::atMs).max().orElse(killedAt[0]);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("killed", victimName);
    m.put("answers", answers);
    m.put("non200", non200);
    m.put("victimsCustomersRequestsAfterKill", victimsAfter);
    m.put("ofThemWithoutMemory", withoutMemory);
    m.put("memoriesReadAgainAfterSeconds", Math.round((lastWithout - killedAt[0]) / 10.0) / 100.0);
    Map<Long, Long> withoutBySecond = new java.util.TreeMap<>();
    samples.stream().filter(x -> x.victimsCustomer() && x.atMs() >= killedAt[0] && x.heldBy() == null)
        .forEach(x -> withoutBySecond.merge((x.atMs() - killedAt[0]) / 1000, 1L, Long::sum));
    m.put("withoutMemoryBySecondAfterKill", withoutBySecond);
    Map<String, Long> by = new LinkedHashMap<>();
    samples.stream().filter(x -> x.victimsCustomer() && x.atMs() >= killedAt[0] && x.heldBy() != null)
        .forEach(x -> by.merge(x.heldBy(), 1L, Long::sum));
    m.put("victimsCustomersReadFrom", by);
    Map<String, Double> reads = new java.util.TreeMap<>();
    for (int i = 0; i < survivors.size(); i++) {
      Map<String, Double> was = before.get(i);
      memoryReads(survivors.get(i)).forEach((k, v) -> reads.merge(k, v - was.getOrDefault(k, 0.0), Double::sum));
    }
    m.put("survivorsMemoryReadsSinceKill", reads);
    out.accept("kill -9 of " + victimName + " under " + CLIENTS + " clients: " + m);
    return m;
  }
}
