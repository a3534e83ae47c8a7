/**
 * The embeddable online rewriter. Only what a caller may rely on is exported (docs/adr/0008); everything else —
 * {@code online.internal} (the loaded model, retrieval, the decision), {@code online.rank} (features, ranker, trainer)
 * and {@code online.version} (model version lifetimes) — stays inside, and the compiler rejects a named module that
 * reaches for it. rewrite-offline runs on the class path, where a module's exports are not enforced: its
 * {@code OnlineBoundaryTest} reads this descriptor and holds its imports to the same exports.
 */
module org.selflearn.rewriter.online {
  // the service API: QueryRewriter, RewriteRequest/RewriteResult, settings, model directories; its signatures use
  // common's value types (RewriteSource, DeviceType), config's RewriterConfig, Jackson's JsonNode and Micrometer's
  // MeterRegistry, so those are read transitively
  exports org.selflearn.rewriter.online;
  // the sentence encoder: a service may pass one Embedder to several rewriters, and training embeds with it
  exports org.selflearn.rewriter.online.embed;
  // the training seam: the ranker trained with the serving path's retrieval and features, without its internals
  exports org.selflearn.rewriter.online.training;
  // stored formats that model building (rewrite-offline) writes and its tools (explain, forget, replay) read: the
  // precomputed table, and the global index / personal memory / wordings
  exports org.selflearn.rewriter.online.table;
  exports org.selflearn.rewriter.online.index;

  requires transitive org.selflearn.rewriter.common;
  requires transitive org.selflearn.rewriter.config;
  requires transitive com.fasterxml.jackson.databind;
  requires transitive micrometer.core;
  requires org.slf4j;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires rocksdbjni;
  requires ai.djl.api;
  requires ai.djl.tokenizers;
  // DJL finds the OnnxRuntime engine through ServiceLoader, and the bundled encoder is read as a class-path resource
  // at the root of the langchain4j jar; neither is named here: both stay where the launcher puts them (the class path
  // under ./rewrite), which automatic modules such as DJL's read.
}
