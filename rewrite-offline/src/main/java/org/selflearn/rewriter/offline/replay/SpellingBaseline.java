package org.selflearn.rewriter.offline.replay;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.spell.PlainTextDictionary;
import org.apache.lucene.search.spell.SpellChecker;
import org.apache.lucene.store.FSDirectory;

/**
 * Spelling correction with Lucene's own {@link SpellChecker} over the successful requests (whole requests as the
 * dictionary, n-gram retrieval, Levenshtein ranking): a request that is not itself a known successful request is
 * replaced by the closest one above the accuracy threshold. Stored as {@code baselines/spelling/}.
 */
public final class SpellingBaseline implements RewriteStrategy, AutoCloseable {
  public static final String DIR = "spelling";
  private static final float ACCURACY = 0.75f;
  private final SpellChecker checker;

  private SpellingBaseline(SpellChecker checker) {
    this.checker = checker;
  }

  /** Indexes the dictionary of successful requests. */
  public static void build(List<String> successfulRequests, Path dir) {
    try (SpellChecker c = new SpellChecker(FSDirectory.open(dir.resolve(DIR)))) {
      c.indexDictionary(new PlainTextDictionary(new StringReader(String.join("\n", successfulRequests))),
          new IndexWriterConfig(new WhitespaceAnalyzer()), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build spelling baseline in " + dir + ": " + e.getMessage(), e);
    }
  }

  public static SpellingBaseline open(Path dir) {
    try {
      return new SpellingBaseline(new SpellChecker(FSDirectory.open(dir.resolve(DIR))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open spelling baseline " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return "spellCorrection";
  }

  @Override
  public Decision decide(ReplayTurn t) {
    try {
      if (t.heard().isEmpty() || checker.exist(t.heard())) {
        return new Decision(t.event().eventId(), null, null, null, 0);
      }
      String[] s = checker.suggestSimilar(t.heard(), 1, ACCURACY);
      String r = s.length == 0 ? null : s[0];
      return new Decision(t.event().eventId(), r, r == null ? null : "SPELLING", null, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      checker.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
