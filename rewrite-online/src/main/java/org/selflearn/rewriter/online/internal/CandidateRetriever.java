package org.selflearn.rewriter.online.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.common.text.Similarity;
import org.selflearn.rewriter.common.text.UtteranceSimilarity;
import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.index.GlobalIndex;
import org.selflearn.rewriter.online.index.PersonalEntry;
import org.selflearn.rewriter.online.index.PersonalPair;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.selflearn.rewriter.online.index.WordingClasses;
import org.selflearn.rewriter.online.rank.Candidate;
import org.selflearn.rewriter.online.rank.QueryContext;

/**
 * Gathers candidates for a request: global lexical/phonetic hits, global dense (HNSW) hits, and the customer's own
 * entries closest in spelling and sound (plus the targets of their own rephrases of this very request). The request
 * itself is never a candidate. The global index does not change while serving, so what depends on the request text
 * alone is cached (bounded LRU); a new model means a new retriever.
 */
public final class CandidateRetriever {
  /**
   * How many of the customer's own entries, closest in spelling and sound, join the candidates (besides the targets
   * of their own rephrases of the request): a misrecognition is close to what the customer meant, so the nearest few
   * of their up to {@code online.personal-max-entries} requests are the ones that can pass the gates below.
   */
  private static final int PERSONAL_TOP = 8;
  /**
   * Minimum of the larger of trigram and phonetic similarity for a candidate to be considered, the whole-request line
   * of ADR 3 (docs/adr/0003): online rewrites are for speech errors, which stay close to what was meant in sound or
   * spelling; rewordings by meaning are left to the mined table.
   */
  public static final double MIN_SIMILARITY = 0.6;
  /** Some spelling overlap is always needed: short phonetic codes alone can match unrelated requests (ADR 3). */
  public static final double MIN_TRIGRAM = 0.3;
  /**
   * Minimum similarity of the differing spans ({@link UtteranceSimilarity#differingSpan}) (ADR 3), lower than the
   * whole-request line because a span is short: one wrong letter costs it a larger share of its trigrams and sounds.
   */
  public static final double MIN_SPAN_SIMILARITY = 0.45;
  /**
   * Least whole-request edit similarity (1 − Levenshtein / longer length) at which one of the customer's own successes
   * is a candidate even when sound and span gates refuse it: two requests of one template that differ in a short
   * name stay above it, unrelated requests of the customer fall below.
   */
  public static final double MIN_OWN_EDIT_SIMILARITY = 0.6;
  /**
   * The same for a servable global request, higher because it is someone else's: at this whole-request edit
   * similarity a request differs from what was heard by a few letters of a short span ({@code my rap playlist / my
   * rock playlist}), which a recogniser produces; the global layer serves only requests whose heard form never
   * succeeded for anyone.
   */
  public static final double MIN_GLOBAL_EDIT_SIMILARITY = 0.7;
  private final int perSource;
  private final boolean useGlobal;
  private final boolean usePersonal;
  private final UtteranceSimilarity similarity = new UtteranceSimilarity();
  private final LruCache<String, List<GlobalEntry>> globalHits = new LruCache<>(20_000);
  private final LruCache<String, GlobalEntry> entries = new LruCache<>(50_000);

  public CandidateRetriever(int perSource, boolean useGlobal, boolean usePersonal) {
    this.perSource = perSource;
    this.useGlobal = useGlobal;
    this.usePersonal = usePersonal;
  }

  /**
   * The candidates of a request as serving sees it (see
   * {@link #retrieve(QueryContext, GlobalIndex, WordingClasses, int)}).
   */
  public List<Candidate> retrieve(QueryContext q, GlobalIndex global, WordingClasses wordings) {
    return retrieve(q, global, wordings, 0);
  }

  /**
   * The candidates of a request. Two gates say which layer may propose at all, because a request that already works
   * needs no rewrite from that layer (ADR 9):
   * <ul>
   *   <li>the global layer only for a request whose heard form never succeeded for anyone the global statistics know
   *       (its own global entry, if any, has no success);
   *   <li>the customer's own entries only when the request is not itself one of their successes.
   * </ul>
   *
   * @param ownSuccessOffset successes of the request itself to discount from the customer's memory (training's
   *     leave-one-out: an example that succeeded is in the memory only because of itself)
   */
  public List<Candidate> retrieve(QueryContext q, GlobalIndex global, WordingClasses wordings,
      int ownSuccessOffset) {
    Map<String, Candidate> out = new LinkedHashMap<>();
    if (useGlobal && !succeededForAnyone(q.prior())) {
      for (GlobalEntry e : globalCandidates(q, global)) {
        add(out, new Candidate(e.text(), e, null));
      }
    }
    if (usePersonal && !q.profile().entries().isEmpty() && !succeededForCustomer(q, ownSuccessOffset)) {
      for (PersonalEntry p : closestPersonal(q)) {
        add(out, new Candidate(p.text(), null, p));
      }
      for (PersonalPair pair : q.profile().pairs()) {
        PersonalEntry p = pair.source().equals(q.text()) ? q.profile().entry(pair.target()) : null;
        if (p != null) {
          add(out, new Candidate(p.text(), null, p));
        }
      }
    }
    out.remove(q.text());
    List<Candidate> result = new ArrayList<>(out.size());
    for (Candidate c : out.values()) {
      boolean own = c.personal() != null && c.personal().count() > 0;
      boolean servable = c.global() != null && c.global().servable();
      double edit = Similarity.editSimilarity(q.text(), c.text());
      if (!(eligible(q, c.text()) || (own && edit >= MIN_OWN_EDIT_SIMILARITY)
          || (servable && edit >= MIN_GLOBAL_EDIT_SIMILARITY))
          || wordings.sameRequest(q.text(), c.text())) {
        continue; // another wording of the very same request cannot serve the customer better
      }
      GlobalEntry g = c.global();
      if (g == null && useGlobal) {
        g = lookup(global, c.text()); // global statistics of a personal candidate (a feature, never offered)
      }
      PersonalEntry p = c.personal() != null ? c.personal() : usePersonal ? q.profile().entry(c.text()) : null;
      result.add(new Candidate(c.text(), g, p));
    }
    return result;
  }

  /**
   * Global lexical (and, with a vector, then dense) hits of a request: they depend on its text only, so each search is
   * cached on its own — the lexical hits of a request searched first without its embedding are not searched again
   * with it.
   */
  private List<GlobalEntry> globalCandidates(QueryContext q, GlobalIndex global) {
    List<GlobalEntry> lexical = globalHits.get("L\t" + q.text(),
        k -> List.copyOf(global.lexical(q.text(), perSource)));
    if (q.vector().length == 0) {
      return lexical;
    }
    List<GlobalEntry> dense = globalHits.get("D\t" + q.text(),
        k -> List.copyOf(global.dense(q.vector(), perSource)));
    List<GlobalEntry> hits = new ArrayList<>(lexical.size() + dense.size());
    hits.addAll(lexical);
    hits.addAll(dense);
    return hits;
  }

  /** The global entry of exactly this text (or null), cached. */
  public GlobalEntry lookup(GlobalIndex global, String text) {
    return entries.get(text, global::lookup);
  }

  /**
   * Online candidates must be close to the request in sound or spelling, in the whole and in the span where they
   * differ (speech errors are), unless the customer
   * themselves rephrased this request into the candidate before; rewrites by meaning come from the mined table.
   */
  private boolean eligible(QueryContext q, String candidate) {
    if (q.profile().pairCount(q.text(), candidate) >= PersonalProfile.STRONG_OWN_REPHRASES) {
      return true;
    }
    double trigram = Similarity.trigramDice(q.text(), candidate);
    return trigram >= MIN_TRIGRAM
        && Math.max(trigram, similarity.phonetic(q.phoneticCode(), candidate)) >= MIN_SIMILARITY
        && similarity.differingSpan(q.text(), candidate) >= MIN_SPAN_SIMILARITY;
  }

  /**
   * Whether a global candidate keeps everything the customer named: the words it replaces in the request do not
   * occur in any of the customer's own successful requests (when they do, the customer's own contact, song or device
   * was heard right, and another customer's request is not what they meant).
   */
  public boolean keepsCustomersOwnWords(QueryContext q, String candidate) {
    String replaced = similarity.replacedSpan(q.text(), candidate);
    if (replaced.isEmpty()) {
      return true;
    }
    String padded = " " + replaced + " ";
    for (PersonalEntry e : q.profile().entries()) {
      if ((" " + e.text() + " ").contains(padded)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the request's heard form succeeded for anyone in the global statistics. */
  public static boolean succeededForAnyone(GlobalEntry prior) {
    return prior != null && prior.successes() > 0;
  }

  /** Whether the request is one of the customer's own successes (less {@code offset} of them). */
  static boolean succeededForCustomer(QueryContext q, int offset) {
    PersonalEntry own = q.profile().entry(q.text());
    return own != null && own.count() - offset > 0;
  }

  /**
   * Every one of the customer's entries is scored exactly (a memory holds at most
   * {@code online.personal-max-entries}), by spelling (edit similarity) and sound, and the closest join.
   */
  private List<PersonalEntry> closestPersonal(QueryContext q) {
    List<PersonalEntry> entries = new ArrayList<>(q.profile().entries());
    Map<PersonalEntry, Double> score = new java.util.IdentityHashMap<>();
    for (PersonalEntry e : entries) {
      score.put(e, Similarity.editSimilarity(q.text(), e.text()) + similarity.phonetic(q.phoneticCode(), e.text()));
    }
    entries.sort(Comparator.comparingDouble((PersonalEntry e) -> score.get(e)).reversed());
    return entries.subList(0, Math.min(PERSONAL_TOP, entries.size()));
  }

  private static void add(Map<String, Candidate> out, Candidate c) {
    out.merge(c.text(), c, Candidate::merge);
  }

  /** Whether a candidate counts as coming from the personal layer. */
  public static boolean isPersonal(Candidate c, PersonalProfile profile) {
    return c.personal() != null && c.personal().count() > 0 && profile != PersonalProfile.EMPTY;
  }
}
