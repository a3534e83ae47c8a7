/**
 * The HTTP front around the rewriter (docs/adr/0005). It sees rewrite-online only through that module's exports
 * (docs/adr/0008): the compiler rejects any reach into its internals from here.
 */
module org.selflearn.rewriter.serve {
  exports org.selflearn.rewriter.serve;

  requires transitive org.selflearn.rewriter.online;
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.io;
  requires org.eclipse.jetty.util;
  requires micrometer.registry.prometheus;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;
}
