package org.selflearn.rewriter.simulator;

import java.util.List;
import java.util.Map;

/**
 * One request a customer can mean.
 *
 * @param intended canonical wording (what {@code truth.intended} says)
 * @param domain NLU domain
 * @param intent NLU intent
 * @param slots NLU slots of the intended reading
 * @param equivalents other wordings with the same meaning (rewordings)
 * @param confusions how speech recognition mishears the canonical wording, most common first
 * @param confusionRate probability that a turn of this request is misheard as one of {@code confusions}
 * @param kind normal, unfixable, or the long form of an ambiguous request
 * @param shortForm for {@link Kind#AMBIGUOUS_LONG}: the short wording that the assistant resolves to another place
 */
public record WorldRequest(String intended, String domain, String intent, Map<String, String> slots,
    List<String> equivalents, List<String> confusions, double confusionRate, Kind kind, String shortForm) {

  /** What kind of request. */
  public enum Kind {
    /** Succeeds when heard right. */
    NORMAL,
    /** Fails whatever the wording: no rewrite can fix it. */
    UNFIXABLE,
    /** Personal slice: a few customers mean this when they say {@code shortForm}. */
    AMBIGUOUS_LONG
  }

  public WorldRequest {
    slots = Map.copyOf(slots);
    equivalents = List.copyOf(equivalents);
    confusions = List.copyOf(confusions);
  }
}
