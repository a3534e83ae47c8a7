package org.selflearn.rewriter.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.selflearn.rewriter.common.codec.EventEncoder;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.common.event.InteractionEvent;

/**
 * Generates a world of interaction logs, day by day (each day sorted by time), into {@code train.jsonl} (all days
 * but the last {@code evalDays}) and {@code eval.jsonl}. Deterministic for a seed: every customer-day draws from its
 * own random stream, so output does not depend on iteration order or threads.
 */
public final class LogSimulator {
  public static final String TRAIN_FILE = "train.jsonl";
  public static final String EVAL_FILE = "eval.jsonl";

  private final List<WorldRequest> world;
  private final SimulationOptions options;
  private final double[] popularity;
  private final List<CustomerProfile> customers;

  public LogSimulator(List<WorldRequest> world, SimulationOptions options) {
    if (world.isEmpty()) {
      throw new IllegalArgumentException("the world has no requests");
    }
    this.world = List.copyOf(world);
    this.options = options;
    this.popularity = popularity();
    this.customers = new ArrayList<>(options.customers());
    for (int i = 0; i < options.customers(); i++) {
      customers.add(profile(i));
    }
  }

  /** Writes train and eval files into {@code outDir}; {@code progress} receives each finished day. */
  public SimulationSummary run(Path outDir, IntConsumer progress) {
    SimulationSummary summary = new SimulationSummary(options, world.size());
    for (CustomerProfile c : customers) {
      summary.customer(c.personalSlice());
    }
    EventEncoder encoder = new EventEncoder();
    try {
      Files.createDirectories(outDir);
      try (BufferedWriter train = Files.newBufferedWriter(outDir.resolve(TRAIN_FILE), StandardCharsets.UTF_8);
          BufferedWriter eval = Files.newBufferedWriter(outDir.resolve(EVAL_FILE), StandardCharsets.UTF_8)) {
        for (int day = 0; day < options.days(); day++) {
          boolean isEval = day >= options.days() - options.evalDays();
          List<SimulatedTurn> turns = new ArrayList<>();
          for (CustomerProfile c : customers) {
            new CustomerDay(world, options, popularity, c, day, turns::add).simulate();
          }
          turns.sort(Comparator.comparing((SimulatedTurn t) -> t.event().timestamp())
              .thenComparing(t -> t.event().eventId()));
          BufferedWriter out = isEval ? eval : train;
          for (SimulatedTurn t : turns) {
            out.write(encoder.encode(t.event()));
            out.newLine();
            summary.turn(t, isEval);
          }
          progress.accept(day + 1);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write simulated logs to " + outDir + ": " + e.getMessage(), e);
    }
    return summary;
  }

  /**
   * Simulates days {@code [fromDay, toDay)} with a hook that decides what the assistant executes, handing each turn to
   * {@code sink} in time order (day by day). Customers are simulated in parallel; the output is the same for a seed
   * whatever the threads, provided the hook answers each request the same way whatever the order of calls.
   */
  public void simulateDays(int fromDay, int toDay, RewriteHook hook, Consumer<SimulatedTurn> sink) {
    if (fromDay < 0 || toDay > options.days() || fromDay > toDay) {
      throw new IllegalArgumentException("days must lie in [0, " + options.days() + "], got [" + fromDay + ", "
          + toDay + ")");
    }
    for (int day = fromDay; day < toDay; day++) {
      int d = day;
      List<SimulatedTurn> turns = new ArrayList<>(customers.parallelStream().map(c -> {
        List<SimulatedTurn> own = new ArrayList<>();
        new CustomerDay(world, options, popularity, c, d, hook, own::add).simulate();
        return own;
      }).flatMap(List::stream).toList());
      turns.sort(Comparator.comparing((SimulatedTurn t) -> t.event().timestamp())
          .thenComparing(t -> t.event().eventId()));
      turns.forEach(sink);
    }
  }

  private double[] popularity() {
    // a seeded Zipf-like popularity over a shuffled order of the world
    SplittableRandom rng = new SplittableRandom(options.seed() * 31 + 7);
    int n = world.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    double[] p = new double[n];
    for (int r = 0; r < n; r++) {
      WorldRequest w = world.get(order[r]);
      p[order[r]] = w.kind() == WorldRequest.Kind.AMBIGUOUS_LONG ? 0 : 1.0 / Math.pow(r + 1, 0.7);
    }
    return p;
  }

  private CustomerProfile profile(int i) {
    SplittableRandom rng = new SplittableRandom(mix(options.seed(), i, -1));
    String id = String.format(Locale.ROOT, "c-%012x", mix(options.seed(), i, -2) & 0xffffffffffffL);
    DeviceType[] types = {DeviceType.SPEAKER, DeviceType.SPEAKER, DeviceType.SPEAKER, DeviceType.SCREEN,
        DeviceType.SCREEN, DeviceType.TV, DeviceType.AUTO, DeviceType.MOBILE};
    DeviceType type = types[rng.nextInt(types.length)];
    boolean slice = rng.nextDouble() < options.personalSliceRate();
    int habitsCount = 5 + rng.nextInt(8);
    List<Integer> habits = new ArrayList<>();
    if (slice) {
      List<Integer> longForms = new ArrayList<>();
      for (int w = 0; w < world.size(); w++) {
        if (world.get(w).kind() == WorldRequest.Kind.AMBIGUOUS_LONG) {
          longForms.add(w);
        }
      }
      if (!longForms.isEmpty()) {
        habits.add(longForms.get(rng.nextInt(longForms.size())));
      }
    }
    while (habits.size() < habitsCount && habits.size() < world.size()) {
      int w = CustomerDay.pickWeighted(popularity, rng);
      if (!habits.contains(w)) {
        habits.add(w);
      }
    }
    int[] h = habits.stream().mapToInt(Integer::intValue).toArray();
    double[] cumulative = new double[h.length];
    double sum = 0;
    for (int k = 0; k < h.length; k++) {
      sum += 1.0 / (k + 1);
      cumulative[k] = sum;
    }
    Map<Integer, String> accent = new HashMap<>();
    if (rng.nextDouble() < 0.35) {
      int count = 1 + rng.nextInt(2);
      for (int k = 0; k < count && k < h.length; k++) {
        int w = h[rng.nextInt(h.length)];
        if (world.get(w).kind() == WorldRequest.Kind.NORMAL) {
          String variant = ConfusionGenerator.mishear(world.get(w).intended(), rng);
          if (!variant.equals(world.get(w).intended())) {
            accent.put(w, variant);
          }
        }
      }
    }
    String device = String.format(Locale.ROOT, "d-%08x", mix(options.seed(), i, -3) & 0xffffffffL);
    return new CustomerProfile(i, id, device, type, h, cumulative, accent, slice);
  }

  /** SplitMix64-style mixing of seed, customer and day into one stream seed. */
  static long mix(long seed, long a, long b) {
    long z = seed + 0x9E3779B97F4A7C15L * (a + 1) + 0xBF58476D1CE4E5B9L * (b + 3);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * A generated event with what the simulator knows about it.
   *
   * @param event the logged event
   * @param defect the turn did not serve the customer
   * @param rephrasedByNext the customer's next turn rephrased it
   * @param misheard speech recognition heard something other than what the customer said
   * @param slice the customer is in the personal slice
   */
  public record SimulatedTurn(InteractionEvent event, boolean defect, boolean rephrasedByNext, boolean misheard,
      boolean slice) {}
}
