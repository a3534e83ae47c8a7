/**
 * Dense sentence embeddings for the dense retriever: {@link org.selflearn.rewriter.online.embed.Embedder}, opened by
 * name with {@link org.selflearn.rewriter.online.embed.Embedders}. Exported: a service may pass one embedder to
 * several rewriters, and training embeds the indexes it builds with the encoder serving will use. The implementation
 * is package-private: DJL + ONNX Runtime ({@code OnnxEmbedder}), by default the quantised all-MiniLM-L6-v2 shipped in
 * a Maven Central jar (extracted from the class path, never downloaded), with mean pooling and L2 normalisation
 * (Reimers &amp; Gurevych 2019, "Sentence-BERT"). A DJL {@code Predictor} is not thread-safe: the model is shared and
 * each thread gets its own predictor.
 */
package org.selflearn.rewriter.online.embed;
