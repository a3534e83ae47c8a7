package org.selflearn.rewriter.online.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's personal memory: successful requests and own rephrase pairs. Binary format version 1 (leading byte).
 *
 * @param entries successful requests, most frequent first
 * @param pairs own rephrase pairs
 */
public record PersonalProfile(List<PersonalEntry> entries, List<PersonalPair> pairs) {
  public static final byte FORMAT_VERSION = 1;
  public static final PersonalProfile EMPTY = new PersonalProfile(List.of(), List.of());

  public PersonalProfile {
    entries = List.copyOf(entries);
    pairs = List.copyOf(pairs);
  }

  /** Own rephrases needed before the customer's history overrides the global evidence about a request. */
  public static final int STRONG_OWN_REPHRASES = 2;

  /** Whether the customer rephrased {@code source} at least {@link #STRONG_OWN_REPHRASES} times. */
  public boolean rephrasesOften(String source, int discount) {
    int n = -discount;
    for (PersonalPair p : pairs) {
      if (p.source().equals(source)) {
        n += p.count();
      }
    }
    return n >= STRONG_OWN_REPHRASES;
  }

  /**
   * The request this customer's own chains from {@code source} keep ending in: the target of at least
   * {@code minChains} of their successful chains from it, and at least {@code minShare} of them; or null.
   */
  public String ownRewrite(String source, int minChains, double minShare) {
    int total = 0;
    PersonalPair best = null;
    for (PersonalPair p : pairs) {
      if (p.source().equals(source)) {
        total += p.count();
        if (best == null || p.count() > best.count()
            || (p.count() == best.count() && p.target().compareTo(best.target()) < 0)) {
          best = p;
        }
      }
    }
    return best != null && best.count() >= minChains && best.count() >= minShare * total ? best.target() : null;
  }

  /**
   * Whether this customer's own history says {@code request} works for them as said: it succeeded for them at least
   * {@code minTimes} times, more often than their chains from it ended in another request.
   */
  public boolean succeedsAsSaid(String request, int minTimes) {
    PersonalEntry e = entry(request);
    if (e == null || e.count() < minTimes) {
      return false;
    }
    int rephrased = 0;
    for (PersonalPair p : pairs) {
      if (p.source().equals(request)) {
        rephrased += p.count();
      }
    }
    return e.count() > rephrased;
  }

  /** How often this customer rephrased {@code source} into {@code target}. */
  public int pairCount(String source, String target) {
    for (PersonalPair p : pairs) {
      if (p.source().equals(source) && p.target().equals(target)) {
        return p.count();
      }
    }
    return 0;
  }

  /** The entry of this text, or null. */
  public PersonalEntry entry(String text) {
    for (PersonalEntry e : entries) {
      if (e.text().equals(text)) {
        return e;
      }
    }
    return null;
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeInt(entries.size());
      for (PersonalEntry e : entries) {
        out.writeUTF(e.text());
        out.writeInt(e.count());
        out.writeLong(e.lastMillis());
        out.writeByte(e.deviceType());
        out.writeUTF(e.domainIntent());
        out.writeShort(e.vector().length);
        out.write(e.vector());
      }
      out.writeInt(pairs.size());
      for (PersonalPair p : pairs) {
        out.writeUTF(p.source());
        out.writeUTF(p.target());
        out.writeInt(p.count());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static PersonalProfile fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte v = in.readByte();
      if (v != FORMAT_VERSION) {
        throw new IllegalArgumentException("unknown personal memory format version " + v + ", expected "
            + FORMAT_VERSION);
      }
      int n = in.readInt();
      List<PersonalEntry> entries = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String text = in.readUTF();
        int count = in.readInt();
        long last = in.readLong();
        int device = in.readByte();
        String di = in.readUTF();
        byte[] vec = new byte[in.readShort()];
        in.readFully(vec);
        entries.add(new PersonalEntry(text, count, last, device, di, vec));
      }
      int m = in.readInt();
      List<PersonalPair> pairs = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        pairs.add(new PersonalPair(in.readUTF(), in.readUTF(), in.readInt()));
      }
      return new PersonalProfile(entries, pairs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
