package org.selflearn.rewriter.offline.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.Response;
import org.selflearn.rewriter.common.event.ResponseStatus;
import org.selflearn.rewriter.common.event.Signals;
import org.selflearn.rewriter.common.event.Truth;
import org.selflearn.rewriter.offline.replay.Decision;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

/**
 * Logged turns and two models' decisions made up without any model, with a known effect: every turn is a defect
 * with probability {@code defectRate}; the baseline repairs a defect with its repair probability, the candidate with
 * the baseline's plus its gain over it times a per-customer factor (0 or 2, mean 1: the candidate helps half of the
 * customers twice as much and the other half not at all), both times the customer's own multiplier (uniform in
 * [0.75, 1.25]); each breaks a right turn with its break probability. A customer's turns are thus strongly correlated,
 * and the true defect reduction of a model is repair − break × (1 − p) / p.
 */
final class SyntheticReplays {
  static final String HEARD = "play maj and dragons";
  static final String MEANT = "play imagine dragons";
  static final String WRONG = "play magic dragons";

  final List<ReplayTurn> turns = new ArrayList<>();
  final List<Decision> baseline = new ArrayList<>();
  final List<Decision> candidate = new ArrayList<>();

  /** Parameters of one model. */
  record Model(double repair, double breaks) {
    double trueReduction(double defectRate) {
      return repair - breaks * (1 - defectRate) / defectRate;
    }
  }

  SyntheticReplays(long seed, int customers, int turnsEach, double defectRate, Model a, Model b) {
    SplittableRandom random = new SplittableRandom(seed);
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    int id = 0;
    for (int c = 0; c < customers; c++) {
      double u = 0.75 + 0.5 * random.nextDouble();
      double gain = random.nextBoolean() ? 0 : 2;
      Model bc = new Model(a.repair() + (b.repair() - a.repair()) * gain, b.breaks());
      DeviceType device = DeviceType.values()[c % DeviceType.values().length];
      for (int k = 0; k < turnsEach; k++) {
        boolean defect = random.nextDouble() < defectRate;
        double ua = random.nextDouble();
        double ub = random.nextDouble();
        String rewriteA = decide(defect, ua, a, u);
        String rewriteB = decide(defect, ub, bc, u);
        Instant at = start.plus(Duration.ofMinutes(37L * (c * turnsEach + k)));
        add("e-" + id++, "c-" + c, device, at, defect, rewriteA, rewriteB);
      }
    }
  }

  private static String decide(boolean defect, double draw, Model m, double customer) {
    if (defect) {
      return draw < Math.min(1, m.repair() * customer) ? MEANT : null;
    }
    return draw < m.breaks() ? WRONG : null;
  }

  /** Appends one turn; a defect was heard wrong ({@link #HEARD}), a right turn heard as meant. */
  void add(String id, String customer, DeviceType device, Instant at, boolean defect, String a, String b) {
    String heard = defect ? HEARD : MEANT;
    InteractionEvent e = new InteractionEvent(id, at, customer, null, device, null, null, heard, 0.8, null,
        new Response(defect ? ResponseStatus.ERROR : ResponseStatus.SUCCESS, null), Signals.NONE, null,
        new Truth(MEANT, List.of()));
    turns.add(new ReplayTurn(e, heard, null, defect, null));
    baseline.add(new Decision(id, a, a == null ? null : "PRECOMPUTED", null, 0));
    candidate.add(new Decision(id, b, b == null ? null : "PERSONAL", null, 0));
  }
}
