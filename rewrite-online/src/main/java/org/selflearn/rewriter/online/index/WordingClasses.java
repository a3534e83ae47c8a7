package org.selflearn.rewriter.online.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

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
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    new TreeMap<>(classOf).forEach((t, c) -> sb.append(t).append('\t').append(c).append('\n'));
    try {
      Files.writeString(dir.resolve(FILE), sb, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  /** Loads {@code dir/wordings.tsv}, or {@link #NONE} when the model has none. */
  public static WordingClasses load(Path dir) {
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return NONE;
    }
    Map<String, String> m = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (!HEADER.equals(header)) {
        throw new IllegalArgumentException(f + ": not a wordings file of version 1 (header \"" + header + "\")");
      }
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          m.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
    return new WordingClasses(m);
  }
}
