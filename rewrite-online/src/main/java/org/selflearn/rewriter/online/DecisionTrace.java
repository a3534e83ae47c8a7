package org.selflearn.rewriter.online;

import org.selflearn.rewriter.common.event.RewriteSource;

/**
 * What every layer would propose for one request, before any layer is switched off and before the ranked layers'
 * thresholds: the seam that training's self-calibration replays held-out logs through. Texts are normalised; a
 * field is null when its layer has nothing to propose.
 *
 * @param ownHistory the customer's own-history rewrite at the configured own-chain rule
 * @param table the precomputed table's rewrite
 * @param ranked the best ranked candidate (when the request is not left alone as usually succeeding)
 * @param rankedSource PERSONAL or GLOBAL for the ranked candidate
 * @param rankedScore its ranker score (NaN when there is none)
 */
public record DecisionTrace(String ownHistory, String table, String ranked, RewriteSource rankedSource,
    double rankedScore) {}
