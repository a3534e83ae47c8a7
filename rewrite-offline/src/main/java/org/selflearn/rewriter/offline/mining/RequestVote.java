package org.selflearn.rewriter.offline.mining;

import java.util.Objects;

/**
 * What one customer's chains from one request came to, told as one vote: the request {@link Outcome#OK succeeded} as
 * said, {@link Outcome#FAILED failed} and the customer gave up there, was rephrased and the customer got it
 * {@link Outcome#FIXED fixed} with {@code target}, or was rephrased and {@link Outcome#LOST lost} (the chain still
 * ended in failure). Each customer casts at most one vote per request and at most M in all ({@link RequestVotes}), so
 * the counts of votes have a sensitivity of (M keys, 1 each): the only statistics mined while differential privacy is
 * on. Keyed {@code V<TAB>request<TAB>outcome} and, for a fix, {@code V<TAB>request<TAB>X<TAB>target}.
 *
 * @param request the request (a state)
 * @param outcome what it came to
 * @param target the request that fixed it, or null unless {@code outcome} is {@link Outcome#FIXED}
 */
public record RequestVote(String request, Outcome outcome, String target) {
  /** What a request came to for one customer. */
  public enum Outcome {
    OK('O'), FAILED('F'), LOST('L'), FIXED('X');

    private final char code;

    Outcome(char code) {
      this.code = code;
    }

    /** The letter of the outcome in a key. */
    public char code() {
      return code;
    }

    static Outcome of(char code) {
      for (Outcome o : values()) {
        if (o.code == code) {
          return o;
        }
      }
      throw new IllegalArgumentException("unknown vote outcome '" + code + "', expected one of O, F, L, X");
    }
  }

  public RequestVote {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(outcome, "outcome");
    if ((outcome == Outcome.FIXED) != (target != null)) {
      throw new IllegalArgumentException("a vote has a target exactly when its outcome is FIXED: " + outcome + ", "
          + target);
    }
  }

  /** The statistic key of this vote. */
  public String key() {
    return StatKey.VOTE + "\t" + request + "\t" + outcome.code() + (target == null ? "" : "\t" + target);
  }

  /** The vote of a key written by {@link #key()}. */
  public static RequestVote parse(String key) {
    if (StatKey.kind(key) != StatKey.VOTE) {
      throw new IllegalArgumentException("not a vote key (kind " + key.charAt(0) + "): " + key);
    }
    String[] p = StatKey.parts(key);
    if (p.length < 2 || p[1].length() != 1) {
      throw new IllegalArgumentException("malformed vote key: " + key);
    }
    Outcome o = Outcome.of(p[1].charAt(0));
    return new RequestVote(p[0], o, o == Outcome.FIXED && p.length == 3 ? p[2] : null);
  }
}
