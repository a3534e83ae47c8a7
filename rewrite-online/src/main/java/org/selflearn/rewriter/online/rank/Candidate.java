package org.selflearn.rewriter.online.rank;

import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.index.PersonalEntry;

/**
 * One retrieved candidate rewrite.
 *
 * @param text normalised candidate request
 * @param global its global entry, or null (not servable globally)
 * @param personal the customer's own entry, or null
 */
public record Candidate(String text, GlobalEntry global, PersonalEntry personal) {
  /** Merges what two retrievals know of the same text. */
  public Candidate merge(Candidate o) {
    return new Candidate(text, global != null ? global : o.global, personal != null ? personal : o.personal);
  }
}
