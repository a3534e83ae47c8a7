package org.selflearn.rewriter.offline.mining;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.selflearn.rewriter.common.codec.VersionedBinary;
import org.selflearn.rewriter.offline.mining.RequestVote.Outcome;
import org.selflearn.rewriter.offline.mining.RequestVotes.Part;
import org.selflearn.rewriter.offline.privacy.ContributionBounder;
import org.selflearn.rewriter.offline.privacy.ContributionBounder.Contribution;

/**
 * One customer's publish window in the form the streaming job keeps it, per customer, while differential privacy is
 * on: the parts of their chains ({@link RequestVotes#parts}, pruned by {@link ContributionBounder#prune} to what
 * bounding can still keep) and the votes those parts cast now ({@link ContributionBounder#bound} on this customer
 * alone, then {@link RequestVotes#cast}). Bounding is a per-customer transformation, so the sum over customers of
 * their current votes is what {@link RequestVotes} counts in file mode on the same sessions.
 *
 * <p>When a session adds to the window, what changed in the customer's votes goes out as statistic contributions to
 * be summed per vote key: a vote no longer cast is retracted (count −1), a new vote is added (count 1 with its facts),
 * a vote kept whose facts changed sends its facts (count 0). Erasure retracts every vote ({@link #retract}). Facts
 * merge by latest time and cannot be retracted: the facts of a vote key are the latest of every vote cast on it in the
 * window, including votes later replaced (docs/privacy.md).
 *
 * <p>With tumbling windows ({@link VoteWindows}, {@code privacy.window-days} > 0) the customer is bounded per window:
 * a session of a later window closes the current one — its votes stay counted, under that window's keys, and its
 * parts are dropped — and starts an empty one; a session of an already closed window comes too late and is not
 * counted. The keys of the votes cast in the last {@value #RETAINED_CLOSED_WINDOWS} closed windows are kept, so that
 * an erasure retracts them too (older windows are no longer published). Not thread-safe.
 */
public final class CustomerVotes {
  /** Closed windows whose votes an erasure still retracts: the one a publish releases, and the one before it. */
  static final int RETAINED_CLOSED_WINDOWS = 2;
  private static final byte FORMAT_VERSION_SINGLE_WINDOW = 1;
  private static final byte FORMAT_VERSION = 2;
  private static final StatValue RETRACTION = new StatValue(-1, 0, 0, CustomerSketch.EMPTY, CustomerSketch.EMPTY);

  private final String customer;
  private final ContributionBounder bounder;
  private final VoteWindows windows;
  /** The customer's current window, -1 before their first session. */
  private long current;
  private List<Contribution<Part>> window;
  private Map<String, StatValue> votes;
  /** Statistic keys (window included) of the votes cast in the retained closed windows. */
  private final List<String> closed;

  /** An empty window, everything since the job's state began being one window. */
  public CustomerVotes(String customer, ContributionBounder bounder) {
    this(customer, bounder, new VoteWindows(0));
  }

  /** No window yet, with the given windows. */
  public CustomerVotes(String customer, ContributionBounder bounder, VoteWindows windows) {
    this(customer, bounder, windows, -1, new ArrayList<>(), new ArrayList<>());
  }

  private CustomerVotes(String customer, ContributionBounder bounder, VoteWindows windows, long current,
      List<Contribution<Part>> window, List<String> closed) {
    this.customer = Objects.requireNonNull(customer, "customer");
    this.bounder = Objects.requireNonNull(bounder, "bounder");
    this.windows = Objects.requireNonNull(windows, "windows");
    this.current = current;
    this.window = window;
    this.votes = castVotes(window);
    this.closed = closed;
  }

  /** The customer's current window ({@link VoteWindows#of}), -1 before their first session. */
  public long currentWindow() {
    return current;
  }

  /** The votes the customer casts now in the current window: vote key → count 1 with the facts of its kept chains. */
  public Map<String, StatValue> votes() {
    return Collections.unmodifiableMap(votes);
  }

  /** How many parts the window holds (after pruning). */
  public int parts() {
    return window.size();
  }

  /**
   * Adds a closed session of this customer to the window and hands what changed in their votes to {@code changes}
   * (statistic key, contribution).
   *
   * @return false when the session belongs to a window already closed for this customer (it is not counted)
   */
  public boolean add(MinedSession s, BiConsumer<String, StatValue> changes) {
    long w = windows.of(s.turns().get(0).timestampMs());
    if (current >= 0 && w < current) {
      return false;
    }
    if (w > current) {
      close(w);
    }
    List<Contribution<Part>> grown = new ArrayList<>(window);
    RequestVotes.parts(s, p -> {
      if (!p.customer().equals(customer)) {
        throw new IllegalArgumentException("a session of another customer added to a customer's vote window");
      }
      grown.add(p);
    });
    window = bounder.prune(grown, RequestVotes.PREFERRED);
    Map<String, StatValue> now = castVotes(window);
    votes.forEach((key, was) -> {
      if (!now.containsKey(key)) {
        changes.accept(windows.key(current, key), RETRACTION);
      }
    });
    now.forEach((key, vote) -> {
      StatValue was = votes.get(key);
      if (was == null) {
        changes.accept(windows.key(current, key), vote);
      } else if (!Objects.equals(was.domain(), vote.domain()) || !Objects.equals(was.meaning(), vote.meaning())) {
        changes.accept(windows.key(current, key), new StatValue(0, 0, 0, CustomerSketch.EMPTY, CustomerSketch.EMPTY,
            vote.domain(), vote.meaning()));
      }
    });
    votes = now;
    return true;
  }

  /** Closes the current window (its votes stay counted) and starts {@code next}, empty. */
  private void close(long next) {
    if (current >= 0) {
      votes.keySet().forEach(key -> closed.add(windows.key(current, key)));
      closed.removeIf(key -> VoteWindows.windowOf(key) < next - RETAINED_CLOSED_WINDOWS);
    }
    current = next;
    window = new ArrayList<>();
    votes = new TreeMap<>();
  }

  /**
   * Retracts every vote the customer casts, in the current window and the retained closed ones (erasure): hands
   * (statistic key, count −1) to {@code changes}.
   */
  public void retract(BiConsumer<String, StatValue> changes) {
    closed.forEach(key -> changes.accept(key, RETRACTION));
    votes.keySet().forEach(key -> changes.accept(windows.key(current, key), RETRACTION));
    closed.clear();
    votes = new TreeMap<>();
    window = new ArrayList<>();
  }

  private Map<String, StatValue> castVotes(List<Contribution<Part>> parts) {
    Map<String, StatValue> out = new TreeMap<>();
    RequestVotes.cast(bounder.bound(parts, RequestVotes.PREFERRED).kept(), out::put);
    return out;
  }

  /**
   * The binary form of the window (the customer is the store's key; the votes follow from the window): the current
   * window, the retained closed votes' keys, then the parts.
   */
  public byte[] toBytes() {
    return VersionedBinary.write(FORMAT_VERSION, 64 * window.size() + 32 * closed.size() + 16, out -> {
      out.writeLong(current);
      out.writeInt(closed.size());
      for (String key : closed) {
        out.writeUTF(key);
      }
      out.writeInt(window.size());
      for (Contribution<Part> c : window) {
        out.writeUTF(c.source());
        out.writeUTF(c.chain());
        Part p = c.value();
        out.writeByte(p.outcome().code());
        if (p.outcome() == Outcome.FIXED) {
          out.writeUTF(p.target());
        }
        writeFact(out, p.domain());
        writeFact(out, p.meaning());
      }
    });
  }

  /** Reads what {@link #toBytes()} wrote, everything since the job's state began being one window. */
  public static CustomerVotes fromBytes(String customer, ContributionBounder bounder, byte[] data) {
    return fromBytes(customer, bounder, new VoteWindows(0), data);
  }

  /**
   * Reads what {@link #toBytes()} wrote, for {@code customer}, bounded by {@code bounder}, in {@code windows}; a
   * window written before windows existed (format 1) is the single window 0.
   */
  public static CustomerVotes fromBytes(String customer, ContributionBounder bounder, VoteWindows windows,
      byte[] data) {
    if (data.length > 0 && data[0] == FORMAT_VERSION_SINGLE_WINDOW) {
      List<Contribution<Part>> parts = VersionedBinary.read(data, FORMAT_VERSION_SINGLE_WINDOW, "CustomerVotes",
          in -> readParts(in, customer));
      return new CustomerVotes(customer, bounder, windows, parts.isEmpty() ? -1 : 0, parts, new ArrayList<>());
    }
    long[] current = new long[1];
    List<String> closed = new ArrayList<>();
    List<Contribution<Part>> parts = VersionedBinary.read(data, FORMAT_VERSION, "CustomerVotes", in -> {
      current[0] = in.readLong();
      int c = in.readInt();
      for (int i = 0; i < c; i++) {
        closed.add(in.readUTF());
      }
      return readParts(in, customer);
    });
    return new CustomerVotes(customer, bounder, windows, current[0], parts, closed);
  }

  private static List<Contribution<Part>> readParts(DataInput in, String customer) throws IOException {
    int n = in.readInt();
    List<Contribution<Part>> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String source = in.readUTF();
      String chain = in.readUTF();
      Outcome o = Outcome.of((char) in.readByte());
      String target = o == Outcome.FIXED ? in.readUTF() : null;
      parts.add(new Contribution<>(customer, source, chain, new Part(o, target, readFact(in), readFact(in))));
    }
    return parts;
  }

  private static void writeFact(DataOutput out, LatestValue v) throws IOException {
    out.writeBoolean(v != null);
    if (v != null) {
      out.writeLong(v.timeMs());
      out.writeUTF(v.value());
    }
  }

  private static LatestValue readFact(DataInput in) throws IOException {
    return in.readBoolean() ? new LatestValue(in.readLong(), in.readUTF()) : null;
  }
}
