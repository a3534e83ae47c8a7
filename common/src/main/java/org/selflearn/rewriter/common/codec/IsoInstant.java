package org.selflearn.rewriter.common.codec;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Parses the ISO-8601 instants of the log format. The common shape {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)}
 * is read by hand (about ten times faster than {@link OffsetDateTime#parse}, which was the largest single cost of
 * decoding an event); every other text goes to {@link OffsetDateTime#parse}, so both accept and refuse exactly the
 * same texts.
 */
final class IsoInstant {
  private IsoInstant() {}

  /**
   * Parses an instant.
   *
   * @throws java.time.format.DateTimeParseException (from the fallback) when the text is not an ISO-8601 offset
   *     date-time
   */
  static Instant parse(String text) {
    Instant fast = fastPath(text);
    return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
  }

  /** The instant of the common shape, or null to let the general parser decide (also for every invalid text). */
  static Instant fastPath(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int at = 19;
    long nanos = 0;
    if (s.charAt(at) == '.') {
      int start = ++at;
      while (at < n && at - start < 9 && isDigit(s.charAt(at))) {
        nanos = nanos * 10 + (s.charAt(at) - '0');
        at++;
      }
      int fractionDigits = at - start;
      if (fractionDigits == 0 || (at < n && isDigit(s.charAt(at)))) {
        return null;
      }
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (at == n - 1 && s.charAt(at) == 'Z') {
      offsetSeconds = 0;
    } else if (at == n - 6 && (s.charAt(at) == '+' || s.charAt(at) == '-') && s.charAt(at + 3) == ':') {
      int oh = digits(s, at + 1, 2);
      int om = digits(s, at + 4, 2);
      if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om != 0)) {
        return null;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(at) == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null; // e.g. 30 February, which the general parser clamps to the 28th
    }
    long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
