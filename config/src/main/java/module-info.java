/**
 * The one typed configuration. A named module so that rewrite-online (a named module, docs/adr/0008) can require it.
 */
module org.selflearn.rewriter.config {
  exports org.selflearn.rewriter.config;

  requires transitive org.selflearn.rewriter.common;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
}
