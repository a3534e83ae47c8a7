package org.selflearn.rewriter.simulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.selflearn.rewriter.common.event.AppliedRewrite;
import org.selflearn.rewriter.common.event.Feedback;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.Nlu;
import org.selflearn.rewriter.common.event.Response;
import org.selflearn.rewriter.common.event.ResponseStatus;
import org.selflearn.rewriter.common.event.Signals;
import org.selflearn.rewriter.common.event.Truth;
import org.selflearn.rewriter.common.text.TextNormalizer;

/** One customer's day of sessions: requests, speech errors, outcomes, rephrases and follow-ups. */
final class CustomerDay {
  private static final int MAX_ATTEMPTS = 3;

  private final List<WorldRequest> world;
  private final SimulationOptions options;
  private final double[] popularity;
  private final CustomerProfile customer;
  private final int day;
  private final Consumer<LogSimulator.SimulatedTurn> out;
  private final SplittableRandom rng;
  private final RewriteHook hook;
  private int seq;
  private LogSimulator.SimulatedTurn pending;
  private String previousDomain;

  CustomerDay(List<WorldRequest> world, SimulationOptions options, double[] popularity, CustomerProfile customer,
      int day, Consumer<LogSimulator.SimulatedTurn> out) {
    this(world, options, popularity, customer, day, RewriteHook.NONE, out);
  }

  /** With a hook that decides what the assistant executes for each heard request. */
  CustomerDay(List<WorldRequest> world, SimulationOptions options, double[] popularity, CustomerProfile customer,
      int day, RewriteHook hook, Consumer<LogSimulator.SimulatedTurn> out) {
    this.hook = hook;
    this.world = world;
    this.options = options;
    this.popularity = popularity;
    this.customer = customer;
    this.day = day;
    this.out = out;
    this.rng = new SplittableRandom(LogSimulator.mix(options.seed(), customer.index(), day));
  }

  void simulate() {
    int sessions = rng.nextInt(4); // 0..3 sessions a day
    long[] starts = new long[sessions];
    for (int s = 0; s < sessions; s++) {
      starts[s] = (7 * 3600 + rng.nextInt(16 * 3600)) * 1000L;
    }
    Arrays.sort(starts);
    long dayStart = options.start().toEpochMilli() + day * 86_400_000L;
    long notBefore = 0;
    for (long start : starts) {
      long t = Math.max(start, notBefore) + dayStart;
      t = session(t);
      notBefore = t - dayStart + 600_000; // sessions at least ten minutes apart
    }
    flush();
  }

  /** Runs one session from time t; returns the time of its last turn. */
  private long session(long t) {
    previousDomain = null;
    int requests = 1;
    while (requests < 4 && rng.nextDouble() < 0.45) {
      requests++;
    }
    for (int r = 0; r < requests; r++) {
      int wi = chooseRequest();
      WorldRequest w = world.get(wi);
      boolean solved = false;
      boolean givenUp = false;
      String wording = null;
      for (int attempt = 0; attempt < MAX_ATTEMPTS && !solved && !givenUp; attempt++) {
        wording = wording(w, attempt, wording);
        String heard = hear(w, wi, wording, attempt);
        solved = turn(w, wording, heard, t);
        if (!solved) {
          if (attempt + 1 < MAX_ATTEMPTS && rng.nextDouble() < 0.75) {
            markRephrased();
            t += 3_000 + rng.nextInt(12_000);
          } else {
            givenUp = true;
          }
        }
      }
      if (givenUp && rng.nextDouble() < 0.6) {
        break; // gave up and left
      }
      t += 8_000 + rng.nextInt(50_000);
    }
    return t;
  }

  private int chooseRequest() {
    if (rng.nextDouble() < 0.85) {
      double[] cw = customer.habitWeights();
      double x = rng.nextDouble() * cw[cw.length - 1];
      for (int k = 0; k < cw.length; k++) {
        if (x <= cw[k]) {
          return customer.habits()[k];
        }
      }
      return customer.habits()[cw.length - 1];
    }
    return pickWeighted(popularity, rng);
  }

  private String wording(WorldRequest w, int attempt, String previous) {
    if (attempt == 0) {
      if (w.kind() == WorldRequest.Kind.AMBIGUOUS_LONG && rng.nextDouble() < 0.9) {
        return w.shortForm();
      }
      if (!w.equivalents().isEmpty() && rng.nextDouble() < 0.15) {
        return w.equivalents().get(rng.nextInt(w.equivalents().size()));
      }
      return w.intended();
    }
    boolean reword = rng.nextDouble() < 0.5 || w.kind() == WorldRequest.Kind.AMBIGUOUS_LONG;
    if (!reword) {
      return previous; // repeat
    }
    if (previous.equals(w.intended()) || previous.equals(w.shortForm())) {
      if (w.kind() == WorldRequest.Kind.AMBIGUOUS_LONG || w.equivalents().isEmpty()) {
        return w.intended();
      }
      return w.equivalents().get(rng.nextInt(w.equivalents().size()));
    }
    return w.intended();
  }

  private String hear(WorldRequest w, int wi, String wording, int attempt) {
    if (wording.equals(w.intended())) {
      String accent = customer.accent().get(wi);
      if (accent != null && rng.nextDouble() < (attempt == 0 ? 0.55 : 0.35)) {
        return accent;
      }
      if (!w.confusions().isEmpty() && rng.nextDouble() < w.confusionRate() * (attempt == 0 ? 1 : 0.5)) {
        double x = rng.nextDouble();
        int k = x < 0.6 ? 0 : x < 0.9 ? 1 : 2;
        return w.confusions().get(Math.min(k, w.confusions().size() - 1));
      }
    }
    if (rng.nextDouble() < 0.03) {
      return ConfusionGenerator.mishear(wording, rng);
    }
    return wording;
  }

  /** Emits one turn; returns whether it served the customer. */
  private boolean turn(WorldRequest w, String wording, String heard, long t) {
    flush();
    boolean misheard = !heard.equals(wording);
    boolean wrongPlace = w.kind() == WorldRequest.Kind.AMBIGUOUS_LONG && wording.equals(w.shortForm());
    AppliedRewrite applied = executed(heard, t);
    // what the assistant acts on: a right rewrite is served as if heard right, a wrong one fails like a mishearing
    boolean garbled = applied == null ? misheard : !means(w, applied.to());
    boolean shortPlace = applied == null && wrongPlace;
    ResponseStatus status;
    boolean bargeIn = false;
    Feedback feedback = Feedback.NONE;
    long engagement = 0;
    Nlu nlu = new Nlu(w.domain(), w.intent(), garbled ? Map.of() : w.slots(),
        garbled ? 0.3 + 0.3 * rng.nextDouble() : 0.8 + 0.19 * rng.nextDouble());
    boolean served;
    if (w.kind() == WorldRequest.Kind.UNFIXABLE) {
      status = rng.nextDouble() < 0.6 ? ResponseStatus.UNHANDLED : ResponseStatus.ERROR;
      nlu = status == ResponseStatus.UNHANDLED ? null : nlu;
      served = false;
    } else if (!garbled && !shortPlace) {
      served = rng.nextDouble() < 0.97;
      status = served ? ResponseStatus.SUCCESS : ResponseStatus.ERROR;
    } else if (shortPlace && !garbled) {
      status = ResponseStatus.SUCCESS; // answered for the default place
      if (rng.nextDouble() < 0.7) {
        bargeIn = true;
      } else {
        feedback = Feedback.NEGATIVE;
      }
      served = false;
    } else {
      double x = rng.nextDouble();
      status = x < 0.5 ? ResponseStatus.ERROR : x < 0.65 ? ResponseStatus.UNHANDLED : ResponseStatus.SUCCESS;
      if (status == ResponseStatus.SUCCESS) {
        if (rng.nextDouble() < 0.8) {
          bargeIn = true;
        } else {
          feedback = Feedback.NEGATIVE;
        }
      }
      nlu = status == ResponseStatus.UNHANDLED ? null : nlu;
      served = false;
    }
    if (served) {
      if ("Music".equals(w.domain())) {
        engagement = rng.nextDouble() < 0.85 ? 30_000 + rng.nextInt(370_000) : 2_000 + rng.nextInt(15_000);
      } else if (rng.nextDouble() < 0.3) {
        engagement = 1_000 + rng.nextInt(8_000);
      }
      if (rng.nextDouble() < 0.04) {
        feedback = Feedback.POSITIVE;
      }
    }
    String text = served ? "OK." : status == ResponseStatus.SUCCESS ? "Here is what I found." : "Sorry, I can't help"
        + " with that.";
    String truthIntended = w.intended();
    InteractionEvent e = new InteractionEvent("e-" + day + "-" + customer.index() + "-" + seq++,
        Instant.ofEpochMilli(t + rng.nextInt(1000)), customer.customerId(), customer.deviceId(),
        customer.deviceType(), null, "en-US", heard,
        misheard ? 0.35 + 0.4 * rng.nextDouble() : 0.75 + 0.24 * rng.nextDouble(), nlu,
        new Response(status, text), new Signals(bargeIn, feedback, engagement), applied,
        new Truth(truthIntended, w.equivalents()));
    previousDomain = nlu == null ? null : nlu.domain();
    pending = new LogSimulator.SimulatedTurn(e, !served, false, misheard, customer.personalSlice());
    return served;
  }

  /** Asks the hook what to execute; null when the request is executed as heard. */
  private AppliedRewrite executed(String heard, long t) {
    AppliedRewrite r = hook.execute(new HeardRequest(heard, customer.customerId(), customer.deviceType(),
        Instant.ofEpochMilli(t), previousDomain));
    if (r == null || TextNormalizer.normalize(r.to()).equals(TextNormalizer.normalize(heard))) {
      return null;
    }
    return r;
  }

  /** Whether a text is the request the customer meant: its intended wording or an equivalent. */
  static boolean means(WorldRequest w, String text) {
    String n = TextNormalizer.normalize(text);
    if (n.equals(TextNormalizer.normalize(w.intended()))) {
      return true;
    }
    for (String e : w.equivalents()) {
      if (n.equals(TextNormalizer.normalize(e))) {
        return true;
      }
    }
    return false;
  }

  private void markRephrased() {
    if (pending != null) {
      pending = new LogSimulator.SimulatedTurn(pending.event(), pending.defect(), true, pending.misheard(),
          pending.slice());
    }
  }

  private void flush() {
    if (pending != null) {
      out.accept(pending);
      pending = null;
    }
  }

  /** Index drawn with probability proportional to its weight. */
  static int pickWeighted(double[] weights, SplittableRandom rng) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x <= 0 && weights[i] > 0) {
        return i;
      }
    }
    for (int i = weights.length - 1; i >= 0; i--) {
      if (weights[i] > 0) {
        return i;
      }
    }
    return 0;
  }
}
