package org.selflearn.rewriter.online.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.common.text.Similarity;
import org.selflearn.rewriter.common.text.TextNormalizer;
import org.selflearn.rewriter.common.text.UtteranceSimilarity;
import org.selflearn.rewriter.online.DecisionTrace;
import org.selflearn.rewriter.online.LayerCalibration;
import org.selflearn.rewriter.online.OnlineSettings;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.RewriteResult;
import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.index.PersonalLookup;
import org.selflearn.rewriter.online.index.PersonalStore;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.selflearn.rewriter.online.rank.Candidate;
import org.selflearn.rewriter.online.rank.FeatureExtractor;
import org.selflearn.rewriter.online.rank.QueryContext;
import org.selflearn.rewriter.online.table.TableEntry;

/**
 * The rewrite decision: precomputed table first; then, unless the request usually succeeds as said, retrieval from
 * the personal and global layers and ranking; rewrite when the best candidate clears the learned threshold. Pure
 * logic: failures propagate to {@link org.selflearn.rewriter.online.QueryRewriter}, which fails open.
 */
public final class RewriteEngine {
  private static final int MIN_PRIOR_TURNS = 10;
  private final OnlineSettings settings;
  private final CandidateRetriever retriever;
  private final FeatureExtractor features = new FeatureExtractor();
  private final UtteranceSimilarity similarity = new UtteranceSimilarity();

  public RewriteEngine(OnlineSettings settings) {
    this.settings = settings;
    this.retriever = new CandidateRetriever(settings.candidates(), settings.global(), settings.personal());
  }

  /**
   * The stages that need no retrieval: the customer's own history first (their chains from this request keep ending
   * in the same successful request: it overrides the table for them), then the precomputed table — unless their own
   * history says the request works for them as said ({@code own-success}). A result, or null to go on. Layers
   * switched off by configuration or by the model's calibration are skipped.
   */
  public RewriteResult precomputed(LoadedModel m, RewriteRequest r, String q) {
    return precomputed(m, r, q, ownProfile(m, r));
  }

  /** {@link #precomputed(LoadedModel, RewriteRequest, String)} with the customer's memory already looked up. */
  public RewriteResult precomputed(LoadedModel m, RewriteRequest r, String q, PersonalProfile profile) {
    String original = r.utterance();
    if (q.isEmpty()) {
      return RewriteResult.unchanged(original, "empty");
    }
    PersonalProfile own = m.calibration().ownHistory() ? profile : PersonalProfile.EMPTY;
    String mine = ownRewrite(own, q);
    if (mine != null) {
      return new RewriteResult(original, mine, RewriteSource.PERSONAL, 1.0, "own-history", List.of());
    }
    if (!m.calibration().precomputed()) {
      return null;
    }
    TableEntry table = table(m, q);
    if (table != null && own.succeedsAsSaid(q, settings.minOwnChains())) {
      return RewriteResult.unchanged(original, "own-success");
    }
    return table == null ? null
        : new RewriteResult(original, table.target(), RewriteSource.PRECOMPUTED, table.confidence(), "table",
            List.of());
  }

  /** The customer's memory for the own-history rules, or empty. */
  private PersonalProfile ownProfile(LoadedModel m, RewriteRequest r) {
    return profile(m.personal(), r.customerId());
  }

  /**
   * Looks the request's customer up once for every layer, within {@code timeoutNanos}; {@link PersonalLookup#NONE}
   * without a customer id, a personal store, or with the personal layers switched off.
   */
  public PersonalLookup lookup(LoadedModel m, RewriteRequest r, long timeoutNanos) {
    return settings.personal() && m.personal() != null && r.customerId() != null
        ? m.personal().lookup(r.customerId(), timeoutNanos) : PersonalLookup.NONE;
  }

  /**
   * The customer's own rewrite of a request, unless the request also works for them as said more often than they
   * rephrase it (a customer who sometimes barges into a right answer and says something else keeps their request).
   */
  private String ownRewrite(PersonalProfile own, String q) {
    if (own.succeedsAsSaid(q, settings.minOwnChains())) {
      return null;
    }
    String target = own.ownRewrite(q, settings.minOwnChains(), settings.minOwnShare());
    return target == null || target.equals(q) ? null : target;
  }

  private TableEntry table(LoadedModel m, String q) {
    if (!settings.precomputed() || m.table() == null) {
      return null;
    }
    TableEntry e = m.table().lookup(q);
    return e == null || e.target().equals(q) ? null : e;
  }

  /** The retrieval-and-rank stage, for the ranked layers the model's calibration lets serve. */
  public RewriteResult retrieveAndRank(LoadedModel m, RewriteRequest r, String q) {
    return retrieveAndRank(m, r, q, profile(m.personal(), r.customerId()));
  }

  /** {@link #retrieveAndRank(LoadedModel, RewriteRequest, String)} with the customer's memory already looked up. */
  public RewriteResult retrieveAndRank(LoadedModel m, RewriteRequest r, String q, PersonalProfile profile) {
    LayerCalibration cal = m.calibration();
    boolean personal = cal.rankedPersonal() && settings.rankedPersonal();
    boolean global = cal.rankedGlobal() && settings.rankedGlobal();
    if (!personal && !global) {
      return RewriteResult.unchanged(r.utterance(), "ranked-layers-off");
    }
    return rank(m, r, q, personal ? cal.personalThreshold() : Double.NaN,
        global ? cal.globalThreshold() : Double.NaN, profile);
  }

  /**
   * What every layer would propose, ignoring the calibration's switches and thresholds (the seam of self-calibration).
   */
  public DecisionTrace trace(LoadedModel m, RewriteRequest r, String q) {
    DecisionTrace chain = traceChainLayers(m, r, q);
    return q.isEmpty() ? chain : withRanked(chain, r, q, retrieve(m, r.customerId(), q), m);
  }

  /**
   * Completes the trace of the chain layers ({@link #traceChainLayers}) of a non-empty request with its ranked
   * proposal, from a retrieval done already: {@code found} is what {@link #retrieve} gives for the request's customer
   * and text (shared by every request with both).
   */
  public DecisionTrace withRanked(DecisionTrace chain, RewriteRequest r, String q, Retrieval found, LoadedModel m) {
    RewriteResult ranked = rank(r, q, found, m, 0, 0);
    return new DecisionTrace(chain.ownHistory(), chain.table(), ranked.rewrite(), ranked.source(), ranked.score());
  }

  /**
   * What the layers that need no retrieval would propose (own history, table), as {@link #trace} does; the ranked
   * fields are left empty.
   */
  public DecisionTrace traceChainLayers(LoadedModel m, RewriteRequest r, String q) {
    if (q.isEmpty()) {
      return new DecisionTrace(null, null, null, null, Double.NaN);
    }
    PersonalProfile own = ownProfile(m, r);
    TableEntry table = table(m, q);
    boolean tableServes = table != null && !own.succeedsAsSaid(q, settings.minOwnChains());
    return new DecisionTrace(ownRewrite(own, q), tableServes ? table.target() : null, null, null, Double.NaN);
  }

  /**
   * Retrieves and ranks; a candidate of the personal (global) layer may win only when {@code personalThreshold}
   * ({@code globalThreshold}) is a number, and is served when its score reaches it.
   */
  private RewriteResult rank(LoadedModel m, RewriteRequest r, String q, double personalThreshold,
      double globalThreshold, PersonalProfile profile) {
    return rank(r, q, retrieve(m, profile, q), m, personalThreshold, globalThreshold);
  }

  /** {@link #retrieve(LoadedModel, PersonalProfile, String)} for the customer's memory in the model's own store. */
  public Retrieval retrieve(LoadedModel m, String customerId, String q) {
    return retrieve(m, profile(m.personal(), customerId), q);
  }

  /**
   * Retrieval for one customer's request text: nothing when the request is left alone as usually succeeding or
   * nothing close in spelling or sound is found; else the candidates of every layer (the lexical and personal ones
   * first: when they find none, the dense retriever cannot either, and the embedding, the costliest step, is skipped).
   * It reads neither the request's context nor the calibration.
   */
  public Retrieval retrieve(LoadedModel m, PersonalProfile profile, String q) {
    GlobalEntry prior = retriever.lookup(m.global(), q);
    if (leftAlone(prior, profile, q, 0)) {
      return Retrieval.nothing(profile, prior, "usually-succeeds");
    }
    String phonetic = similarity.phoneticCode(q);
    QueryContext lexical = new QueryContext(q, phonetic, new float[0], prior, profile, -1, 0, "");
    if (retriever.retrieve(lexical, m.global(), m.wordings()).isEmpty()) {
      return Retrieval.nothing(profile, prior, "no-candidate");
    }
    float[] vector = m.embedder().embed(q);
    QueryContext dense = new QueryContext(q, phonetic, vector, prior, profile, -1, 0, "");
    return new Retrieval(profile, prior, phonetic, vector, retriever.retrieve(dense, m.global(), m.wordings()), null);
  }

  /** Ranks what {@link #retrieve} found for the request's customer and text, in the request's context. */
  private RewriteResult rank(RewriteRequest r, String q, Retrieval found, LoadedModel m, double personalThreshold,
      double globalThreshold) {
    if (found.reason() != null) {
      return RewriteResult.unchanged(r.utterance(), found.reason());
    }
    PersonalProfile profile = found.profile();
    int device = r.deviceType() == null ? -1 : r.deviceType().ordinal();
    long time = r.time() == null ? System.currentTimeMillis() : r.time().toEpochMilli();
    String previousDomain = r.previousDomain() == null ? "" : r.previousDomain();
    QueryContext ctx = found.context(q, device, time, previousDomain);
    List<Candidate> candidates = found.candidates();
    Candidate best = null;
    double bestScore = -1;
    RewriteSource bestSource = null;
    List<RewriteResult.ScoredCandidate> explained = r.explain() ? new ArrayList<>() : null;
    double closestEdit = 0; // the guard's "closer in spelling", measured once for all candidates
    for (Candidate c : candidates) {
      closestEdit = Math.max(closestEdit, Similarity.editSimilarity(q, c.text()));
    }
    for (Candidate c : candidates) {
      double[] f = features.features(ctx, c, 0, 0);
      double s = m.ranker().score(f);
      RewriteSource source = CandidateRetriever.isPersonal(c, profile) ? RewriteSource.PERSONAL
          : RewriteSource.GLOBAL;
      boolean layerOn = !Double.isNaN(source == RewriteSource.PERSONAL ? personalThreshold : globalThreshold);
      if (layerOn && s > bestScore && !swapsEntity(ctx, c, profile, closestEdit)) {
        bestScore = s;
        best = c;
        bestSource = source;
      }
      if (explained != null) {
        explained.add(new RewriteResult.ScoredCandidate(c.text(), layer(c, profile), s, named(f)));
      }
    }
    if (explained != null) {
      explained.sort(Comparator.comparingDouble(RewriteResult.ScoredCandidate::score).reversed());
    }
    if (best == null) {
      return new RewriteResult(r.utterance(), null, null, Double.NaN, "no-candidate", explained);
    }
    double threshold = bestSource == RewriteSource.PERSONAL ? personalThreshold : globalThreshold;
    if (bestScore < threshold) {
      return new RewriteResult(r.utterance(), null, null, bestScore, "below-threshold", explained);
    }
    if (bestSource == RewriteSource.GLOBAL && (best.global() == null || !best.global().servable())) {
      return new RewriteResult(r.utterance(), null, null, bestScore, "not-servable", explained);
    }
    return new RewriteResult(r.utterance(), best.text(), bestSource, bestScore, "ranked", explained);
  }

  /**
   * Whether a ranked candidate would replace a named thing of the request by another where the evidence says the
   * customer did not mean it: such a candidate never wins the ranking (the table and own-history layers carry chain
   * evidence and are not checked). A candidate the customer's own chains from this request lead to always passes.
   * <ul>
   *   <li>One of the customer's own requests names their own contact, song or device and passes, unless it is unlike
   *       what was heard ({@link UtteranceSimilarity#entitySwap}) and another candidate is closer in spelling: then
   *       the customer more likely said that one ("will it rain in bostno" is Boston, not their usual Schenectady).
   *   <li>Another customer's request is a swap when it replaces words the customer has used in their own successes,
   *       or when it is unlike what was heard and either not within {@link CandidateRetriever#MIN_GLOBAL_EDIT_SIMILARITY}
   *       of it in spelling or farther in spelling than another candidate.
   * </ul>
   *
   * @param closestEdit the highest edit similarity of any candidate of this request to what was heard
   */
  boolean swapsEntity(QueryContext ctx, Candidate candidate, PersonalProfile profile, double closestEdit) {
    String q = ctx.text();
    if (profile.pairCount(q, candidate.text()) > 0) {
      return false;
    }
    boolean unlike = similarity.entitySwap(q, candidate.text());
    double edit = Similarity.editSimilarity(q, candidate.text());
    if (CandidateRetriever.isPersonal(candidate, profile)) {
      return unlike && closestEdit > edit;
    }
    if (!retriever.keepsCustomersOwnWords(ctx, candidate.text())) {
      return true;
    }
    return unlike && (edit < CandidateRetriever.MIN_GLOBAL_EDIT_SIMILARITY || closestEdit > edit);
  }

  /**
   * Whether a request is left as it is without ranking: it usually succeeds as said (smoothed success rate at least
   * {@code online.usually-succeeds} over {@value #MIN_PRIOR_TURNS}+ turns), unless the customer often rephrased it
   * themselves. Training applies the same rule (with {@code ownDiscount} removing an example's own rephrase).
   */
  public boolean leftAlone(GlobalEntry prior, PersonalProfile profile, String q, int ownDiscount) {
    return prior != null && prior.turns() >= MIN_PRIOR_TURNS && prior.successRate() >= settings.usuallySucceeds()
        && !profile.rephrasesOften(q, ownDiscount);
  }

  /** Builds the ranker's view of a request (also used by training). */
  public QueryContext context(LoadedModel m, String q, PersonalProfile profile, GlobalEntry prior, int deviceType,
      long timeMillis, String previousDomain) {
    return new QueryContext(q, similarity.phoneticCode(q), m.embedder().embed(q), prior, profile, deviceType,
        timeMillis, previousDomain);
  }

  public CandidateRetriever retriever() {
    return retriever;
  }

  public FeatureExtractor features() {
    return features;
  }

  /** The customer's memory, or empty. */
  public PersonalProfile profile(PersonalStore memory, String customerId) {
    return settings.personal() && memory != null && customerId != null
        ? memory.lookup(customerId, Long.MAX_VALUE).profile() : PersonalProfile.EMPTY;
  }

  /** Normalises a request the way every module does. */
  public static String normalize(String utterance) {
    return TextNormalizer.normalize(utterance);
  }

  private static String layer(Candidate c, PersonalProfile profile) {
    return CandidateRetriever.isPersonal(c, profile) ? (c.global() != null && c.global().servable()
        ? "personal+global" : "personal") : "global";
  }

  private static Map<String, Double> named(double[] f) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < f.length; i++) {
      m.put(FeatureExtractor.NAMES.get(i), Math.round(f[i] * 1000) / 1000.0);
    }
    return m;
  }
}
