/**
 * The training seam: what model building outside this module (the {@code train} and {@code publish} commands) may
 * call, so that it never reaches into {@code online.internal}. {@link
 * org.selflearn.rewriter.online.training.RankerTraining} trains the ranker over a model directory's global index,
 * personal memory and wordings with exactly the serving path's retrieval, "left alone" rule and features (one
 * implementation, so training cannot drift from serving), from {@link
 * org.selflearn.rewriter.online.training.RankerExample}s that the caller mined. The rest of model building writes the
 * stored formats of {@code online.table} and {@code online.index} and opens its encoder with {@link
 * org.selflearn.rewriter.online.embed.Embedders}. See docs/adr/0008.
 */
package org.selflearn.rewriter.online.training;
