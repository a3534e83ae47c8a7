package org.selflearn.rewriter.markov;

/**
 * Names of Markov states. A turn that our online rewriter changed is its own state, {@code heard => rewritten}, so
 * that the outcomes of our own rewrites are measured apart and never counted as if the customer had said the rewrite.
 */
public final class StateNames {
  /** Separates the heard utterance from the executed rewrite in a rewritten state's name. */
  public static final String REWRITTEN_SEPARATOR = " => ";

  private StateNames() {}

  /** The state of a turn heard as {@code heard} and executed as {@code rewritten}. */
  public static String rewritten(String heard, String rewritten) {
    return heard + REWRITTEN_SEPARATOR + rewritten;
  }

  /** Whether a state is a rewritten one. */
  public static boolean isRewritten(String state) {
    return state.contains(REWRITTEN_SEPARATOR);
  }

  /** The heard part of a rewritten state (or the state itself). */
  public static String heard(String state) {
    int i = state.indexOf(REWRITTEN_SEPARATOR);
    return i < 0 ? state : state.substring(0, i);
  }

  /** The executed part of a rewritten state (or the state itself). */
  public static String executed(String state) {
    int i = state.indexOf(REWRITTEN_SEPARATOR);
    return i < 0 ? state : state.substring(i + REWRITTEN_SEPARATOR.length());
  }
}
