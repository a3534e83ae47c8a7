/**
 * Self-calibration of a model on its user's own logs: hold out the latest part ({@link HeldOutSplit}), train on the
 * rest, replay the held-out turns through the real rewriter's {@code trace} seam, judge every proposal by the
 * customers' own corrections, and choose which layers serve and at which thresholds ({@link LayerCalibrator}). Truth
 * labels are never read.
 */
package org.selflearn.rewriter.offline.calibrate;
