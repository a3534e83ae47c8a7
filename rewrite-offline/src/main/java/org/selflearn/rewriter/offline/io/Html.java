package org.selflearn.rewriter.offline.io;

/** Escaping for the HTML and SVG reports, so that a customer's request never breaks the markup it is shown in. */
public final class Html {
  private Html() {}

  /**
   * Escapes the five characters that are special in HTML text and attribute values ({@code & < > " '}).
   *
   * @param s text, or null
   * @return the escaped text; empty for null
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
