package org.selflearn.rewriter.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.online.table.RewriteTable;
import org.selflearn.rewriter.online.table.TableStoreException;

/** A model whose table directory holds a version but no CURRENT is refused; a model with no table version opens. */
class TableCurrentTest {
  @TempDir
  Path dir;

  @Test
  void aTableVersionWithoutCurrentIsRefusedNamingTheFile() throws IOException {
    Path model = TestModels.write(dir.resolve("m"));
    Path table = new ModelDirectory(model).table();
    Files.delete(table.resolve(RewriteTable.CURRENT));
    assertThatThrownBy(() -> QueryRewriter.open(model, RewriterConfig.defaults()))
        .isInstanceOf(TableStoreException.class)
        .hasMessageContaining(table.resolve(RewriteTable.CURRENT).toString())
        .hasMessageContaining("v-000001");
  }

  @Test
  void aModelWithoutAnyTableVersionIsServedWithoutATable() throws IOException {
    Path model = TestModels.write(dir.resolve("m"));
    Path table = new ModelDirectory(model).table();
    try (var files = Files.walk(table)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Files.createDirectories(table);
    try (QueryRewriter r = QueryRewriter.open(model, RewriterConfig.defaults())) {
      assertThat(r.rewrite(RewriteRequest.of("play maj and dragons", "c-9")).source())
          .as("no table: the precomputed rewrite is gone, nothing else fails").isNotEqualTo(
              org.selflearn.rewriter.common.event.RewriteSource.PRECOMPUTED);
    }
  }
}
