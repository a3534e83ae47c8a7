package org.selflearn.rewriter.online.internal;

import java.util.List;
import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.selflearn.rewriter.online.rank.Candidate;
import org.selflearn.rewriter.online.rank.QueryContext;

/**
 * What {@link RewriteEngine#retrieve} found for one customer's request text, before the request's context (device,
 * time, previous turn) is read: retrieval depends on the text and the customer only, so requests that share both
 * can share one retrieval, and only their ranking differs.
 *
 * @param profile the customer's memory (empty without one)
 * @param prior the request's own global entry, or null
 * @param phoneticCode the request's joined phonetic code (null when nothing was retrieved)
 * @param vector the request's embedding (null when nothing was retrieved)
 * @param candidates the candidates to rank (empty when {@code reason} is set)
 * @param reason why there is nothing to rank ({@code usually-succeeds}, {@code no-candidate}), or null
 */
public record Retrieval(PersonalProfile profile, GlobalEntry prior, String phoneticCode, float[] vector,
    List<Candidate> candidates, String reason) {

  static Retrieval nothing(PersonalProfile profile, GlobalEntry prior, String reason) {
    return new Retrieval(profile, prior, null, null, List.of(), reason);
  }

  /** The ranker's view of the request in its own context. */
  QueryContext context(String q, int deviceType, long timeMillis, String previousDomain) {
    return new QueryContext(q, phoneticCode, vector, prior, profile, deviceType, timeMillis, previousDomain);
  }
}
