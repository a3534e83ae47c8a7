package org.selflearn.rewriter.offline.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.selflearn.rewriter.common.codec.Jackson;
import org.selflearn.rewriter.offline.privacy.PrivacyBudget;

/**
 * The privacy budget a versioned model directory has spent: one line per private publish that went out
 * ({@code MODEL_DIR/privacy-ledger.jsonl}, kept when versions are pruned or rolled back, since a model once served
 * stays released). Every publish reads the data of customers who may have been in every earlier one — the streaming
 * job's window is everything since its state began, and a log may be trained on again — so the ledger adds them all
 * up by basic composition ({@link PrivacyBudget#composed}): the bound for a customer present in every window. Publishes
 * over disjoint windows would compose in parallel, but the ledger cannot tell, so its total is an upper bound.
 *
 * <p>{@link #checkRoom} refuses a publish that would take the total past {@code privacy.max-total-epsilon}, before
 * anything is read; {@link #record} appends a line once the version serves. Not thread-safe: the publisher holds the
 * directory's lock.
 */
public final class PrivacyLedger {
  /** The ledger's file name in a versioned model directory. */
  public static final String FILE_NAME = "privacy-ledger.jsonl";

  /**
   * One private publish.
   *
   * @param version the version it published
   * @param time when it went out (ISO-8601)
   * @param epsilon its ε
   * @param delta its δ
   * @param window what data it read (the streaming job's application id and statistics topic, or the log file)
   */
  public record Entry(String version, String time, double epsilon, double delta, String window) {}

  /** A publish refused because the budget is spent; its message names the key and the figures. */
  public static final class BudgetExhausted extends IllegalStateException {
    BudgetExhausted(String message) {
      super(message);
    }
  }

  private final Path file;
  private final List<Entry> entries;

  private PrivacyLedger(Path file, List<Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  /** Reads the ledger of {@code modelDir} (empty when there is none); a malformed line fails naming line and field. */
  public static PrivacyLedger of(Path modelDir) {
    Path file = modelDir.resolve(FILE_NAME);
    List<Entry> entries = new ArrayList<>();
    if (Files.exists(file)) {
      try {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (!lines.get(i).isBlank()) {
            entries.add(parse(lines.get(i), file, i + 1));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return new PrivacyLedger(file, entries);
  }

  private static Entry parse(String line, Path file, int number) {
    JsonNode n;
    try {
      n = Jackson.readTree(line);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(file + " line " + number + ": not a JSON object (" + e.getMessage() + ")");
    }
    double epsilon = number(n, "epsilon", file, number);
    double delta = number(n, "delta", file, number);
    if (!(epsilon > 0) || !(delta >= 0 && delta < 1)) {
      throw new IllegalStateException(file + " line " + number + ": field epsilon must be positive and delta in"
          + " [0, 1), got " + epsilon + " and " + delta);
    }
    return new Entry(n.path("version").asText(""), n.path("time").asText(""), epsilon, delta,
        n.path("window").asText(""));
  }

  private static double number(JsonNode n, String field, Path file, int line) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalStateException(file + " line " + line + ": field " + field + " is missing or not a number");
    }
    return v.asDouble();
  }

  /** The private publishes recorded, oldest first. */
  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** Whether a recorded publish read exactly {@code window}. */
  public boolean released(String window) {
    return entries.stream().anyMatch(e -> e.window().equals(window));
  }

  /** What the recorded publishes add up to, with {@code next} too when it is not null. */
  public PrivacyBudget.Guarantee total(Entry next) {
    List<Entry> all = new ArrayList<>(entries);
    if (next != null) {
      all.add(next);
    }
    return PrivacyBudget.composed(all.stream().mapToDouble(Entry::epsilon).toArray(),
        all.stream().mapToDouble(Entry::delta).toArray());
  }

  /**
   * Refuses {@code next} when the total with it would pass {@code maxTotalEpsilon} (0: no limit).
   *
   * @throws BudgetExhausted naming {@code privacy.max-total-epsilon}, the ledger and the figures
   */
  public void checkRoom(Entry next, double maxTotalEpsilon) {
    if (maxTotalEpsilon <= 0) {
      return;
    }
    double spent = entries.isEmpty() ? 0 : total(null).epsilon();
    double with = total(next).epsilon();
    if (with > maxTotalEpsilon * (1 + 1e-9)) {
      throw new BudgetExhausted(String.format(Locale.ROOT, "privacy.max-total-epsilon is %s, and the %d private"
          + " publishes recorded in %s spent epsilon %s (basic composition): this publish, at epsilon %s, would make"
          + " it %s; refused before reading any data. Raise the limit knowingly, or publish from a new window (docs/"
          + "privacy.md, \"The budget and how it composes\")", plain(maxTotalEpsilon), entries.size(), file,
          plain(spent), plain(next.epsilon()), plain(with)));
    }
  }

  /** Appends {@code e} and forces it to disk: the version it names now serves. */
  public void record(Entry e) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("version", e.version());
    line.put("time", e.time());
    line.put("epsilon", e.epsilon());
    line.put("delta", e.delta());
    line.put("window", e.window());
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ch.write(ByteBuffer.wrap((Jackson.COMPACT.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot append to " + file + ": " + ex.getMessage(), ex);
    }
    entries.add(e);
  }

  /**
   * The ledger's figures for a version's manifest: private publishes, total ε and δ, and the rule, with {@code next}
   * counted when it is not null (the version about to serve).
   */
  public Map<String, Object> report(Entry next) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", FILE_NAME);
    m.put("publishes", entries.size() + (next == null ? 0 : 1));
    if (!entries.isEmpty() || next != null) {
      PrivacyBudget.Guarantee g = total(next);
      m.put("totalEpsilon", g.epsilon());
      m.put("totalDelta", g.delta());
      m.put("rule", g.rule() + ", over every private publish of this model directory"
          + (next == null ? "" : ", this one included") + " (an upper bound for a customer in all of them)");
    }
    return m;
  }

  private static String plain(double v) {
    return new BigDecimal(v, new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
