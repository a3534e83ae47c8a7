package org.selflearn.rewriter.offline.replay;

import org.selflearn.rewriter.common.event.InteractionEvent;

/**
 * One logged turn with what replay needs around it.
 *
 * @param event the logged event
 * @param heard normalised utterance
 * @param previousDomain the NLU domain of the previous turn of the session, or null
 * @param defect the turn's implicit-feedback label
 * @param successfulRephrase normalised text of the rephrase that later succeeded in the same chain, or null
 */
public record ReplayTurn(InteractionEvent event, String heard, String previousDomain, boolean defect,
    String successfulRephrase) {}
