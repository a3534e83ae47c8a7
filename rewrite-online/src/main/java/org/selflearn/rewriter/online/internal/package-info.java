/**
 * Internals of the online rewriter, not for embedding services: the loaded model ({@link
 * org.selflearn.rewriter.online.internal.LoadedModel}), candidate retrieval from the global index and the personal
 * memory ({@link org.selflearn.rewriter.online.internal.CandidateRetriever}) and the decision itself ({@link
 * org.selflearn.rewriter.online.internal.RewriteEngine}), which the training seam ({@link
 * org.selflearn.rewriter.online.training}) reuses so that the ranker learns on exactly the candidates it will see when
 * serving; and the warm-up that runs every stage before serving ({@link
 * org.selflearn.rewriter.online.internal.WarmUp}). Not exported by the module (docs/adr/0008).
 */
package org.selflearn.rewriter.online.internal;
