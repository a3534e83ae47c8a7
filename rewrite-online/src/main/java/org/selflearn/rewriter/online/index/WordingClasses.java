package org.selflearn.rewriter.online.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Classes of interchangeable wordings of one request, learned when training ({@code wordings.tsv}: a version header,
 * then {@code text<TAB>class} lines). The online rewriter never offers a candidate of the request's own class:
 * another wording of the same request cannot serve the customer better, and may serve them worse. Immutable.
 */
public final class WordingClasses {
  public static final String FILE = "wordings.tsv";
  private static final String HEADER = "#rewriter-wordings\t1";
  public static final WordingClasses NONE = new WordingClasses(Map.of());

  private final Map<String, String> classOf;

  public WordingClasses(Map<String, String> classOf) {
    this.classOf = Map.copyOf(classOf);
  }

  /** Whether two requests are distinct wordings of one request. */
  public boolean sameRequest(String a, String b) {
    String ca = classOf.get(a);
    return ca != null && ca.equals(classOf.get(b));
  }

  public int size() {
    return classOf.size();
  }

  public void save(Path dir) {
    TabSeparatedMap.write(dir.resolve(FILE), HEADER, classOf);
  }

  /** Loads {@code dir/wordings.tsv}, or {@link #NONE} when the model has none. */
  public static WordingClasses load(Path dir) {
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return NONE;
    }
    Map<String, String> m = TabSeparatedMap.read(f, HEADER);
    return new WordingClasses(m);
  }
}
