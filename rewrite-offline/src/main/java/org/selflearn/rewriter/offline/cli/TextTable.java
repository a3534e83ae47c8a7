package org.selflearn.rewriter.offline.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A small aligned table for the terminal: first column left-aligned, the others right-aligned. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final String indent;

  TextTable(String indent, String... header) {
    this.indent = indent;
    rows.add(header);
  }

  TextTable row(Object... cells) {
    String[] r = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      r[i] = cells[i] instanceof String s ? s : Console.value(cells[i]);
    }
    rows.add(r);
    return this;
  }

  int size() {
    return rows.size() - 1;
  }

  void print(PrintStream out) {
    int cols = 0;
    for (String[] r : rows) {
      cols = Math.max(cols, r.length);
    }
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < r.length; i++) {
        String cell = r[i];
        String pad = " ".repeat(width[i] - cell.length());
        line.append(i == 0 ? cell + pad : "  " + pad + cell);
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
