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
 * A versioned text file of {@code key<TAB>value} lines under a header line naming its format and version, sorted by
 * key. Normalised requests never contain a tab. Used for the wording classes and the replay baselines.
 */
public final class TabSeparatedMap {
  private TabSeparatedMap() {}

  /** Writes the map under {@code header}, sorted by key. */
  public static void write(Path file, String header, Map<String, String> map) {
    StringBuilder sb = new StringBuilder(header).append('\n');
    new TreeMap<>(map).forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, sb, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a map written by {@link #write}; refuses another header (format or version) naming the file. */
  public static Map<String, String> read(Path file, String header) {
    Map<String, String> m = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = r.readLine();
      if (!header.equals(first)) {
        throw new IllegalArgumentException(file + ": expected header \"" + header.replace("\t", "\\t")
            + "\", found \"" + first + "\"");
      }
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          m.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return m;
  }
}
