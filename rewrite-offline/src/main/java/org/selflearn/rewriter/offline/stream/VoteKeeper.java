package org.selflearn.rewriter.offline.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.selflearn.rewriter.offline.mining.CustomerVotes;
import org.selflearn.rewriter.offline.mining.MinedSession;
import org.selflearn.rewriter.offline.mining.RequestVotes;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.mining.VoteWindows;
import org.selflearn.rewriter.offline.privacy.ContributionBounder;
import org.selflearn.rewriter.offline.privacy.PrivacySettings;

/**
 * A mining task's bounded votes while differential privacy is on (docs/privacy.md, "The streaming job"): each
 * customer's publish window as {@link CustomerVotes} in the store {@value #STORE} (keyed by customer, changelogged),
 * and, whenever a window changes, the change of that customer's votes handed to the task's statistic contributions
 * (retraction −1 / addition +1 per vote key), which the job sums per key like every statistic. So the statistics
 * topic holds, at every commit, the sum over customers of their current votes: what file mode counts on the same
 * events. Windows changed since the last commit are held decoded and written once, just before the commit, in the
 * same transaction as the contributions they caused ({@link CommitHook}); a dropped task forgets them with its
 * contributions. Erasure retracts the customer's votes and deletes their window. Called from the task's thread only.
 */
final class VoteKeeper {
  /** The per-customer vote windows (only in a topology with privacy on). */
  static final String STORE = "customer-votes";

  private final ContributionBounder bounder;
  private final VoteWindows voteWindows;
  private final Map<String, CustomerVotes> dirty = new HashMap<>();
  private KeyValueStore<String, byte[]> windows;

  VoteKeeper(PrivacySettings privacy) {
    this.bounder = privacy.bounder(RequestVotes.BOUNDING_KEY);
    this.voteWindows = new VoteWindows(privacy.windowDays());
  }

  /** Attaches the store and forgets anything held from before (a task re-initialised). */
  void init(ProcessorContext<?, ?> context) {
    this.windows = context.getStateStore(STORE);
    dirty.clear();
  }

  /**
   * Adds a closed session to its customer's window; the change of their votes goes to {@code changes}.
   *
   * @return false when the session belongs to a publish window already closed for that customer (not counted)
   */
  boolean accept(MinedSession s, BiConsumer<String, StatValue> changes) {
    String customer = s.turns().get(0).customerId();
    return window(customer).add(s, changes);
  }

  /** Retracts the customer's votes into {@code changes} and deletes their window; returns how many votes went. */
  int erase(String customer, BiConsumer<String, StatValue> changes) {
    CustomerVotes w = window(customer);
    int n = w.votes().size();
    w.retract(changes);
    dirty.remove(customer);
    windows.delete(customer);
    return n;
  }

  /** Writes the windows changed since the last commit into the store (called just before each commit). */
  void beforeCommit() {
    dirty.forEach((customer, w) -> windows.put(customer, w.toBytes()));
    dirty.clear();
  }

  /** Forgets what was not written (the task dropped its uncommitted work; the store is restored). */
  void discard() {
    dirty.clear();
  }

  private CustomerVotes window(String customer) {
    CustomerVotes w = dirty.get(customer);
    if (w == null) {
      byte[] stored = windows.get(customer);
      w = stored == null ? new CustomerVotes(customer, bounder, voteWindows)
          : CustomerVotes.fromBytes(customer, bounder, voteWindows, stored);
      dirty.put(customer, w);
    }
    return w;
  }
}
