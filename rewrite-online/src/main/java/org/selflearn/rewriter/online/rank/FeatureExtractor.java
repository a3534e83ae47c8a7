package org.selflearn.rewriter.online.rank;

import java.util.List;
import org.selflearn.rewriter.common.text.Similarity;
import org.selflearn.rewriter.common.text.UtteranceSimilarity;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.index.PersonalEntry;

/**
 * Features of a (request, candidate) pair. The order is part of the ranker file format: {@link #NAMES}.
 * Leave-one-out adjustments (subtracting an example's own contribution) are applied by the trainer before calling.
 */
public final class FeatureExtractor {
  /** Feature names, in vector order. */
  public static final List<String> NAMES = List.of("cosine", "phonetic", "trigram", "token", "edit",
      "globalPopularity", "globalSuccess", "personalCount", "personalRecency", "personalPair", "deviceFit",
      "previousDomainFit", "querySuccess", "queryPopularity", "queryKnown", "lengthDiff", "extendsQuery",
      "phoneticIfQueryFails", "personalIfQueryFails", "personalTimesSimilarity", "recencyTimesSimilarity",
      "cosineTimesPhonetic", "minSimilarity", "differingSpan", "editIfQueryUnknown", "phoneticIfQueryUnknown");
  /**
   * Features whose weight must not be negative: more similar, more popular, more successful, more often chosen by
   * the customer never makes a candidate less likely. The trainer enforces it (projected gradient descent).
   */
  public static final java.util.Set<String> MONOTONE = java.util.Set.of("cosine", "phonetic", "trigram", "token",
      "edit", "globalPopularity", "globalSuccess", "personalPair", "personalTimesSimilarity",
      "recencyTimesSimilarity", "cosineTimesPhonetic", "minSimilarity", "differingSpan", "editIfQueryUnknown",
      "phoneticIfQueryUnknown");
  /**
   * Divides log(1 + count) of the popularity features so their raw values sit near the [0, 1] of the similarity
   * features when read in explanations; the ranker standardises every feature, so the factor does not change what it
   * learns (but a trained {@code ranker.json}'s means and scales assume it).
   */
  private static final double LOG_COUNT_SCALE = 10;
  /**
   * Time constant of the personal recency decay, a month: an entry unused for a month weighs e⁻¹ ≈ 0.37 of one used
   * today and one unused for a quarter about 5%, so a habit fades over weeks, not after a day's break.
   */
  private static final double RECENCY_TIME_CONSTANT_MS = 30 * 86_400_000.0;
  /** A rate or fit feature without evidence (no global entry, no previous domain, …): halfway between no and yes. */
  private static final double UNKNOWN = 0.5;

  private final UtteranceSimilarity similarity = new UtteranceSimilarity();

  /** Computes the features; {@code personalCountOffset}/{@code pairOffset} subtract an example's own evidence. */
  public double[] features(QueryContext q, Candidate c, int personalCountOffset, int pairOffset) {
    double[] f = new double[NAMES.size()];
    String t = c.text();
    float[] cv = c.global() != null ? c.global().vector() : null;
    f[0] = cv != null && cv.length > 0 ? Embedder.cosine(q.vector(), cv)
        : c.personal() != null ? c.personal().cosine(q.vector()) : 0;
    f[1] = similarity.phonetic(q.phoneticCode(), t);
    f[2] = Similarity.trigramDice(q.text(), t);
    f[3] = Similarity.tokenJaccard(q.text(), t);
    f[4] = Similarity.editSimilarity(q.text(), t);
    f[5] = c.global() == null ? 0 : Math.log1p(c.global().successes()) / LOG_COUNT_SCALE;
    f[6] = c.global() == null ? UNKNOWN : c.global().successRate();
    PersonalEntry p = c.personal();
    int personalCount = p == null ? 0 : Math.max(0, p.count() - personalCountOffset);
    f[7] = Math.log1p(personalCount);
    f[8] = p == null || personalCount == 0 ? 0
        : Math.exp(-Math.max(0, q.timeMillis() - p.lastMillis()) / RECENCY_TIME_CONSTANT_MS);
    int pair = Math.max(0, q.profile().pairCount(q.text(), t) - pairOffset);
    f[9] = Math.log1p(pair);
    f[10] = p == null || personalCount == 0 ? UNKNOWN : p.deviceType() == q.deviceType() ? 1 : 0;
    String domain = domainOf(c);
    f[11] = q.previousDomain().isEmpty() || domain.isEmpty() ? UNKNOWN : q.previousDomain().equals(domain) ? 1 : 0;
    f[12] = q.prior() == null ? UNKNOWN : q.prior().successRate();
    f[13] = q.prior() == null ? 0 : Math.log1p(q.prior().turns()) / LOG_COUNT_SCALE;
    f[14] = q.prior() == null ? 0 : 1;
    f[15] = Math.abs(t.length() - q.text().length()) / (double) Math.max(1, Math.max(t.length(), q.text().length()));
    f[16] = t.startsWith(q.text() + " ") || t.endsWith(" " + q.text()) ? 1 : 0;
    f[17] = (1 - f[12]) * f[1];
    f[18] = (1 - f[12]) * (f[7] > 0 ? 1 : 0);
    double sim = Math.max(f[1], f[2]);
    f[19] = f[7] * sim * sim;
    f[20] = f[8] * sim * sim;
    f[21] = f[0] * f[1];
    f[22] = Math.min(f[1], f[2]);
    f[23] = similarity.differingSpan(q.text(), t);
    f[24] = q.prior() == null ? f[4] : 0;
    f[25] = q.prior() == null ? f[1] : 0;
    return f;
  }

  private static String domainOf(Candidate c) {
    String di = c.global() != null ? c.global().domainIntent() : c.personal() != null ? c.personal().domainIntent()
        : "";
    return org.selflearn.rewriter.common.event.Nlu.domainOf(di);
  }
}
