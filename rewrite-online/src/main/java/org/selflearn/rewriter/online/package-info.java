/**
 * The embeddable rewriter: the small, stable API a dialogue service uses. {@link
 * org.selflearn.rewriter.online.QueryRewriter} is opened once from a model directory ({@link
 * org.selflearn.rewriter.online.ModelDirectory}, plain or versioned: {@link org.selflearn.rewriter.online.ModelHome})
 * and is thread-safe; {@link
 * org.selflearn.rewriter.online.QueryRewriter#rewrite} takes a {@link org.selflearn.rewriter.online.RewriteRequest}
 * and returns a {@link org.selflearn.rewriter.online.RewriteResult} with its source, score and reason. It never throws
 * and never waits past its budget: on any internal failure it returns the request unchanged and counts why. Each
 * request holds the model version it started on ({@link org.selflearn.rewriter.online.version}); a closed rewriter
 * answers {@code closed} without touching native memory. This module never imports Kafka.
 */
package org.selflearn.rewriter.online;
