package org.selflearn.rewriter.offline.mining;

/**
 * Keys of the statistics: {@code S<TAB>state}, {@code T<TAB>from<TAB>to}, {@code P<TAB>source<TAB>target},
 * {@code R<TAB>source} (what followed the source in its chains), and, only when differential privacy is on, the
 * bounded votes {@code V<TAB>request<TAB>outcome[<TAB>target]} ({@link RequestVote}), which no solver reads before
 * their private release. States are normalised text (letters, digits, spaces) or interpretation keys, which never
 * contain a tab.
 */
public final class StatKey {
  public static final char STATE = 'S';
  public static final char TRANSITION = 'T';
  public static final char PAIR = 'P';
  public static final char REPHRASED = 'R';
  public static final char VOTE = 'V';
  /** A bounded vote of one publish window of the streaming job ({@link VoteWindows}). */
  public static final char WINDOWED_VOTE = 'W';

  private StatKey() {}

  public static String state(String state) {
    return STATE + "\t" + state;
  }

  public static String transition(String from, String to) {
    return TRANSITION + "\t" + from + "\t" + to;
  }

  public static String pair(String source, String target) {
    return PAIR + "\t" + source + "\t" + target;
  }

  public static String rephrased(String source) {
    return REPHRASED + "\t" + source;
  }

  public static char kind(String key) {
    return key.charAt(0);
  }

  /** The state names of a key (one for STATE, two otherwise). */
  public static String[] parts(String key) {
    String[] all = key.split("\t", -1);
    String[] out = new String[all.length - 1];
    System.arraycopy(all, 1, out, 0, out.length);
    return out;
  }
}
