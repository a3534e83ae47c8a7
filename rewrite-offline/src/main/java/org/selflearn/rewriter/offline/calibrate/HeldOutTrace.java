package org.selflearn.rewriter.offline.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.online.DecisionTrace;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.training.DecisionTracer;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

/**
 * The held-out turns traced through the calibration model in two passes, so that retrieval (the costly stage) runs
 * only where its result is read: first what the layers without retrieval propose (own history, table) for every turn;
 * then, with those layers decided ({@link LayerCalibrator#chainLayers}), the whole trace of the turns they leave to
 * the ranked layers. The other turns keep their first-pass trace, whose ranked fields {@link LayerCalibrator#choose}
 * never reads. Both passes run in parallel; the second retrieves once per customer and request text.
 *
 * @param traces one per turn, in turn order
 * @param retrieved how many turns were traced with retrieval
 */
record HeldOutTrace(List<DecisionTrace> traces, int retrieved) {

  static HeldOutTrace of(List<ReplayTurn> turns, DecisionTracer tracer, LayerCalibrator calibrator) {
    DecisionTrace[] chainOnly = new DecisionTrace[turns.size()];
    IntStream.range(0, turns.size()).parallel()
        .forEach(i -> chainOnly[i] = tracer.traceChainLayers(request(turns.get(i))));
    LayerCalibrator.ChainLayers chain = calibrator.chainLayers(turns, Arrays.asList(chainOnly));
    List<Integer> leftToRanked = new ArrayList<>();
    List<RewriteRequest> requests = new ArrayList<>();
    List<DecisionTrace> firstPass = new ArrayList<>();
    for (int i = 0; i < chainOnly.length; i++) {
      if (chain.leaveToRanked(chainOnly[i])) {
        leftToRanked.add(i);
        requests.add(request(turns.get(i)));
        firstPass.add(chainOnly[i]);
      }
    }
    List<DecisionTrace> traces = new ArrayList<>(Arrays.asList(chainOnly));
    List<DecisionTrace> whole = tracer.withRanked(requests, firstPass);
    for (int k = 0; k < whole.size(); k++) {
      traces.set(leftToRanked.get(k), whole.get(k));
    }
    return new HeldOutTrace(traces, whole.size());
  }

  /** The request a held-out turn made, as serving would have received it. */
  static RewriteRequest request(ReplayTurn t) {
    InteractionEvent e = t.event();
    return new RewriteRequest(e.utterance(), e.customerId(), e.deviceType(), e.timestamp(), t.previousDomain(), false);
  }
}
