/**
 * A seeded simulator of assistant interaction logs (log format version 1, with {@code truth}): customers with devices
 * and habits, global and per-customer speech-recognition confusions, barge-ins, errors, explicit feedback, rephrases
 * (repeat, reword, give up), unrelated follow-ups, defects no rewrite can fix, and a personal slice where one failing
 * request means different things to different customers.
 *
 * <p>{@link org.selflearn.rewriter.simulator.BuiltInWorld} is the project's own world (requests, entities and
 * confusions written for this project); {@link org.selflearn.rewriter.simulator.CorpusWorld} builds a world from the
 * public corpora under {@code ../shared/data} when present. {@link org.selflearn.rewriter.simulator.LogSimulator}
 * generates the events and splits them into train and eval by day.
 */
package org.selflearn.rewriter.simulator;
