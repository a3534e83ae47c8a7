package org.selflearn.rewriter.online.index;

import java.util.LinkedHashSet;
import java.util.Set;
import org.selflearn.rewriter.common.text.PhoneticEncoder;

/**
 * The terms a request is indexed and searched by: character trigrams of the text (spelling), and the Double Metaphone
 * code of each token plus trigrams of the joined code (sound, robust to word-boundary errors). Shared by indexing and
 * search so the two always agree.
 */
public final class LexicalTerms {
  private static final PhoneticEncoder PHONETICS = new PhoneticEncoder();

  private LexicalTerms() {}

  /** Space-separated character trigrams of {@code " " + text + " "} (spaces shown as '_'). */
  public static Set<String> grams(String text) {
    Set<String> out = new LinkedHashSet<>();
    addTrigrams("", text, out);
    return out;
  }

  /** Phonetic terms: per-token codes ({@code t:AMJN}) and joined-code trigrams ({@code j:MJN}). */
  public static Set<String> phonetic(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String code : PHONETICS.encodeTokens(text).split(" ")) {
      if (!code.isEmpty()) {
        out.add("t:" + code);
      }
    }
    addTrigrams("j:", PHONETICS.encodeJoined(text), out);
    return out;
  }

  /** Adds each character trigram of {@code "_" + s + "_"} (spaces shown as '_'), after {@code prefix}, in order. */
  private static void addTrigrams(String prefix, String s, Set<String> out) {
    String p = "_" + s.replace(' ', '_') + "_";
    for (int i = 0; i + 3 <= p.length(); i++) {
      out.add(prefix + p.substring(i, i + 3));
    }
  }
}
