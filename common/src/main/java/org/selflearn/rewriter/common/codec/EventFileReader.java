package org.selflearn.rewriter.common.codec;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.selflearn.rewriter.common.event.InteractionEvent;
import java.util.zip.GZIPInputStream;

/**
 * Streams a {@code .jsonl} or {@code .jsonl.gz} file (gzip detected by its magic bytes) line by line in constant
 * memory. Blank lines are skipped; every other line ends as an event or a rejection, and duplicates of an event id
 * already seen within the horizon are rejected as field {@code eventId}.
 */
public final class EventFileReader implements Closeable {
  private final BufferedReader reader;
  private final EventCodec codec = new EventCodec();
  private final DuplicateFilter duplicates;
  private long lineNumber;

  private EventFileReader(BufferedReader reader, int dedupHorizon) {
    this.reader = reader;
    this.duplicates = new DuplicateFilter(dedupHorizon);
  }

  /** Opens a file; the default de-duplication horizon is {@link DuplicateFilter#DEFAULT_HORIZON} ids. */
  public static EventFileReader open(Path file) {
    return open(file, DuplicateFilter.DEFAULT_HORIZON);
  }

  /** Opens a file with a given de-duplication horizon (number of recent event ids remembered). */
  public static EventFileReader open(Path file, int dedupHorizon) {
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      in.mark(2);
      int b1 = in.read();
      int b2 = in.read();
      in.reset();
      if (b1 == 0x1f && b2 == 0x8b) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new EventFileReader(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), dedupHorizon);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open log file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the next non-blank line.
   *
   * @return the result, or null at the end of the file
   */
  public DecodeResult next() {
    try {
      String line;
      do {
        line = reader.readLine();
        lineNumber++;
        if (line == null) {
          return null;
        }
      } while (line.isBlank());
      DecodeResult result = codec.decode(line, lineNumber);
      if (result.isOk() && !duplicates.firstTime(result.event().eventId())) {
        return DecodeResult.rejected(new Rejection(lineNumber, "eventId",
            "duplicate eventId \"" + result.event().eventId() + "\" (already read; redelivery is counted once)",
            result.event().eventId(), line));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read log at line " + lineNumber + ": " + e.getMessage(), e);
    }
  }

  /** Reads the whole file, handing each event and each rejection to its consumer. */
  public static ReadCounts forEach(Path file, Consumer<org.selflearn.rewriter.common.event.InteractionEvent> events,
      Consumer<Rejection> rejections) {
    long ok = 0;
    long bad = 0;
    try (EventFileReader r = open(file)) {
      DecodeResult d;
      while ((d = r.next()) != null) {
        if (d.isOk()) {
          ok++;
          events.accept(d.event());
        } else {
          bad++;
          rejections.accept(d.rejection());
        }
      }
    }
    return new ReadCounts(ok, bad);
  }

  /** Lines decoded per task by {@link #readValid}. */
  private static final int BATCH = 2_000;

  /**
   * Reads the whole file into memory: its valid events in file order, exactly those {@link #forEach} hands on
   * (duplicates within the horizon are left out, as there). The lines are read on the calling thread and decoded in
   * batches on {@code threads} others, so reading, unzipping and decoding overlap.
   */
  public static List<InteractionEvent> readValid(Path file, int threads) {
    List<InteractionEvent> events = new ArrayList<>();
    ExecutorService decoders = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "log-decoder");
      t.setDaemon(true);
      return t;
    });
    Deque<Future<List<DecodeResult>>> decoding = new ArrayDeque<>();
    try (EventFileReader r = open(file)) {
      boolean end = false;
      while (!end) {
        List<String> lines = new ArrayList<>(BATCH);
        long first = r.lineNumber + 1;
        String line;
        while (lines.size() < BATCH && (line = r.reader.readLine()) != null) {
          lines.add(line);
        }
        r.lineNumber += lines.size();
        end = lines.size() < BATCH;
        decoding.add(decoders.submit(() -> r.decodeAll(lines, first)));
        while (!decoding.isEmpty() && (end || decoding.size() > 2 * threads)) {
          for (DecodeResult d : decoding.poll().get()) {
            if (d.isOk() && r.duplicates.firstTime(d.event().eventId())) {
              events.add(d.event());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read log " + file + ": " + e.getMessage(), e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + file, e);
    } finally {
      decoders.shutdownNow();
    }
    return events;
  }

  /** Decodes consecutive lines, the first numbered {@code first}, skipping blank ones as {@link #next} does. */
  private List<DecodeResult> decodeAll(List<String> lines, long first) {
    List<DecodeResult> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        out.add(codec.decode(lines.get(i), first + i));
      }
    }
    return out;
  }

  /** Counts of one pass over a file. */
  public record ReadCounts(long events, long rejected) {}

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
