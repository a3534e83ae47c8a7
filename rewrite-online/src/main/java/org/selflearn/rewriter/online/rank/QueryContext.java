package org.selflearn.rewriter.online.rank;

import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.index.PersonalProfile;

/**
 * What the ranker knows of the request.
 *
 * @param text normalised request
 * @param phoneticCode its joined Double Metaphone code
 * @param vector its embedding (empty without an embedder)
 * @param prior the request's own global entry (how often it succeeds), or null
 * @param profile the customer's memory (may be empty)
 * @param deviceType ordinal of the request's device type
 * @param timeMillis request time
 * @param previousDomain NLU domain of the previous turn, or empty
 */
public record QueryContext(String text, String phoneticCode, float[] vector, GlobalEntry prior,
    PersonalProfile profile, int deviceType, long timeMillis, String previousDomain) {}
