/**
 * Shared by every module: the event model and its strict codec, text normalisation and similarity, statistics
 * helpers. A named module so that rewrite-online (a named module, docs/adr/0008) can require it; everything is
 * exported.
 */
module org.selflearn.rewriter.common {
  exports org.selflearn.rewriter.common.codec;
  exports org.selflearn.rewriter.common.event;
  exports org.selflearn.rewriter.common.stats;
  exports org.selflearn.rewriter.common.text;

  requires transitive com.fasterxml.jackson.databind;
  requires org.apache.commons.codec;
}
