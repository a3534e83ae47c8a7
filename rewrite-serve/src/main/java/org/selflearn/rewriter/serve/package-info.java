/**
 * {@code ./rewrite serve}: a small HTTP service around the embeddable {@code QueryRewriter}, for dialogue services
 * in any language. {@link org.selflearn.rewriter.serve.RewriteServer} runs Jetty 12's core handler API on virtual
 * threads (docs/adr/0005) with one handler for every route: {@code POST /v1/rewrite}, {@code POST
 * /v1/rewrite:batch}, {@code DELETE /v1/customers/{id}/memory}, {@code GET /health}, {@code /ready},
 * {@code /metrics} (Prometheus text). Input is checked once, at the edge ({@code RequestParser}), and a bad field
 * is a 400 naming it; limits on body, batch and concurrency answer 400 or 503 with {@code Retry-After} instead of
 * queueing; the rewriter fails open, so a rewrite never answers 5xx because of the model. The model sits behind
 * {@link org.selflearn.rewriter.serve.RewriteBackend} so the server's own behaviour is tested without one. This
 * module depends on rewrite-online; rewrite-online knows nothing of it.
 */
package org.selflearn.rewriter.serve;
