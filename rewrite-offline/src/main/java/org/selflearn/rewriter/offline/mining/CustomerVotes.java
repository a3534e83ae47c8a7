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
 * window, including votes later replaced (docs/privacy.md). Not thread-safe.
 */
public final class CustomerVotes {
  private static final byte FORMAT_VERSION = 1;
  private static final StatValue RETRACTION = new StatValue(-1, 0, 0, CustomerSketch.EMPTY, CustomerSketch.EMPTY);

  private final String customer;
  private final ContributionBounder bounder;
  private List<Contribution<Part>> window;
  private Map<String, StatValue> votes;

  /** An empty window. */
  public CustomerVotes(String customer, ContributionBounder bounder) {
    this(customer, bounder, new ArrayList<>());
  }

  private CustomerVotes(String customer, ContributionBounder bounder, List<Contribution<Part>> window) {
    this.customer = Objects.requireNonNull(customer, "customer");
    this.bounder = Objects.requireNonNull(bounder, "bounder");
    this.window = window;
    this.votes = castVotes(window);
  }

  /** The votes the customer casts now: vote key → count 1 with the facts of its kept chains. */
  public Map<String, StatValue> votes() {
    return Collections.unmodifiableMap(votes);
  }

  /** How many parts the window holds (after pruning). */
  public int parts() {
    return window.size();
  }

  /**
   * Adds a closed session of this customer to the window and hands what changed in their votes to {@code changes}
   * (vote key, contribution).
   */
  public void add(MinedSession s, BiConsumer<String, StatValue> changes) {
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
        changes.accept(key, RETRACTION);
      }
    });
    now.forEach((key, vote) -> {
      StatValue was = votes.get(key);
      if (was == null) {
        changes.accept(key, vote);
      } else if (!Objects.equals(was.domain(), vote.domain()) || !Objects.equals(was.meaning(), vote.meaning())) {
        changes.accept(key, new StatValue(0, 0, 0, CustomerSketch.EMPTY, CustomerSketch.EMPTY, vote.domain(),
            vote.meaning()));
      }
    });
    votes = now;
  }

  /** Retracts every vote the customer casts (erasure): hands (vote key, count −1) to {@code changes}. */
  public void retract(BiConsumer<String, StatValue> changes) {
    votes.keySet().forEach(key -> changes.accept(key, RETRACTION));
    votes = new TreeMap<>();
    window = new ArrayList<>();
  }

  private Map<String, StatValue> castVotes(List<Contribution<Part>> parts) {
    Map<String, StatValue> out = new TreeMap<>();
    RequestVotes.cast(bounder.bound(parts, RequestVotes.PREFERRED).kept(), out::put);
    return out;
  }

  /** The binary form of the window (the customer is the store's key; the votes follow from the window). */
  public byte[] toBytes() {
    return VersionedBinary.write(FORMAT_VERSION, 64 * window.size() + 8, out -> {
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

  /** Reads what {@link #toBytes()} wrote, for {@code customer}, bounded by {@code bounder}. */
  public static CustomerVotes fromBytes(String customer, ContributionBounder bounder, byte[] data) {
    List<Contribution<Part>> window = VersionedBinary.read(data, FORMAT_VERSION, "CustomerVotes", in -> {
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
    });
    return new CustomerVotes(customer, bounder, window);
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
