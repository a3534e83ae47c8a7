package org.selflearn.rewriter.offline.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.LatestValue;
import org.selflearn.rewriter.offline.mining.RequestVote;
import org.selflearn.rewriter.offline.mining.RequestVote.Outcome;
import org.selflearn.rewriter.offline.mining.StatKey;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.privacy.NoiseSampler;
import org.selflearn.rewriter.offline.privacy.NoisyCounts;
import org.selflearn.rewriter.offline.privacy.PartitionSelection;
import org.selflearn.rewriter.offline.privacy.PrivacyBudget;
import org.selflearn.rewriter.offline.privacy.PrivacySettings;
import org.selflearn.rewriter.offline.privacy.Sensitivity;
import org.selflearn.rewriter.online.ModelDirectory;

/**
 * The differentially private release of a model's global part (docs/privacy.md): the one step of a model build that
 * spends privacy budget, and a no-op while {@code privacy.epsilon} is 0. It reads the window's bounded votes
 * ({@link org.selflearn.rewriter.offline.mining.RequestVotes}: each customer at most M votes, one per request), so
 * one customer moves at most M vote counts by at most 1 each, and spends (ε, δ) in two parts (basic composition):
 * <ol>
 *   <li>partition selection ({@link PartitionSelection}, ε·share and all of δ) decides which requests that work
 *       ("OK" votes) and which fixes ("s fixed with t" votes) appear at all — never a raw count ≥ k;
 *   <li>the noisy totals ({@link NoisyCounts}, the rest of ε) of each outcome of every request the selection named.
 * </ol>
 * Everything the build then reads — the table's gates, the global index, wording classes, the spelling baseline, the
 * stats file — is computed from these noisy counts alone ({@link ReleasedStats}): post-processing. Facts are kept for
 * released requests only; no ranker example passes (the private model's ranker learns on a public world,
 * {@link PublicRanker}). Personal memories pass unchanged: they serve only their own customer.
 */
public final class PrivateRelease {
  private final PrivacySettings settings;
  private final NoiseSampler sampler;

  /**
   * @param settings the privacy settings
   * @param sampler the noise source ({@link NoiseSampler#secure()} outside tests)
   */
  public PrivateRelease(PrivacySettings settings, NoiseSampler sampler) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sampler = Objects.requireNonNull(sampler, "sampler");
  }

  /** The release a configuration asks for, with noise from {@code SecureRandom}. */
  public static PrivateRelease of(RewriterConfig config) {
    return new PrivateRelease(PrivacySettings.from(config), NoiseSampler.secure());
  }

  /**
   * What a build goes on with.
   *
   * @param inputs the released inputs (the given ones when privacy is off)
   * @param guarantee what the model manifest records, or null when privacy is off
   * @param report what train-summary.json records, or null when privacy is off
   */
  public record Result(MinedInputs inputs, Map<String, Object> guarantee, Map<String, Object> report) {
    public boolean enabled() {
      return guarantee != null;
    }

    /** Records the guarantee in a model manifest (nothing when privacy is off: the manifest stays as it was). */
    public void recordGuarantee(Map<String, Object> manifest) {
      if (enabled()) {
        manifest.put("privacy", guarantee);
      }
    }

    /**
     * Takes the diagnostics that quote single customers out of the model's files and {@code summary} (nothing when
     * privacy is off): {@link CustomerTexts}.
     */
    public void removeCustomerTexts(ModelDirectory dir, Map<String, Object> summary) {
      if (enabled()) {
        CustomerTexts.removeFrom(dir, summary);
      }
    }

    /** Records the release in a training summary (nothing when privacy is off). */
    public void recordReport(Map<String, Object> summary) {
      if (enabled()) {
        summary.put("privacy", report);
      }
    }
  }

  /** Releases the global part of {@code in}; returns {@code in} itself when privacy is off. */
  public Result apply(MinedInputs in) {
    if (!settings.enabled()) {
      return new Result(in, null, null);
    }
    VoteTally tally = VoteTally.of(in.stats());
    PrivacyBudget budget = settings.budget();
    Sensitivity perCustomer = new Sensitivity(settings.maxRequestsPerCustomer(), 1);
    PartitionSelection selection = new PartitionSelection(budget.selectionEpsilon(), budget.selectionDelta(),
        perCustomer, sampler);
    SortedMap<String, Long> released = selection.select(tally.candidates());
    NoisyCounts counts = new NoisyCounts(budget.countEpsilon(), perCustomer, sampler);
    SortedMap<String, Long> totals = counts.release(tally.totals(ReleasedStats.requests(released.keySet())));
    Map<String, StatValue> stats = ReleasedStats.of(released, totals, tally);
    // no ranker examples: a private model's ranker is trained on a public world, not on customers' data (PublicRanker)
    MinedInputs out = new MinedInputs(stats, releasedFacts(in.facts(), stats), in.memories(), List.of(), List.of());

    Map<String, Object> guarantee = guarantee(budget);
    Map<String, Object> report = new LinkedHashMap<>(guarantee);
    Map<String, Object> select = new LinkedHashMap<>();
    select.put("epsilon", selection.epsilon());
    select.put("delta", selection.delta());
    select.put("threshold", selection.threshold());
    select.put("noiseScale", selection.noise().scale());
    report.put("selection", select);
    Map<String, Object> count = new LinkedHashMap<>();
    count.put("epsilon", counts.epsilon());
    count.put("noiseScale", counts.noise().scale());
    report.put("counts", count);
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("requests", released.keySet().stream().filter(k -> RequestVote.parse(k).target() == null).count());
    shown.put("rewrites", released.keySet().stream().filter(k -> RequestVote.parse(k).target() != null).count());
    report.put("released", shown);
    return new Result(out, guarantee, report);
  }

  private Map<String, Object> guarantee(PrivacyBudget budget) {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("epsilon", budget.epsilon());
    g.put("delta", budget.delta());
    g.put("maxChainsPerRequest", settings.maxChainsPerRequest());
    g.put("maxRequestsPerCustomer", settings.maxRequestsPerCustomer());
    g.put("selectionShare", budget.selectionShare());
    g.put("unit", "one customer within one publish window (file mode: the whole training log; streaming job:"
        + " every event it has mined since its state began, or its newest closed window with privacy.window-days)");
    g.put("covers", "rewrite table, global index, wording classes, spelling baseline, stats file; the ranker is"
        + " trained on a public simulated world and reads no customer's data");
    g.put("composition", budget.afterPublishes(1).rule() + ": k publishes over the same customers give (k·ε, k·δ)");
    return g;
  }

  /** The facts of released requests only ({@code D<TAB>request}, {@code I<TAB>heard}). */
  private static Map<String, LatestValue> releasedFacts(Map<String, LatestValue> facts, Map<String, StatValue> stats) {
    Map<String, LatestValue> out = new LinkedHashMap<>();
    facts.forEach((k, v) -> {
      if (stats.containsKey(StatKey.state(k.substring(2)))) {
        out.put(k, v);
      }
    });
    return out;
  }
}
