package org.selflearn.rewriter.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.online.QueryRewriter;

/**
 * rewrite-offline runs on the class path (its embedded Kafka broker's jars split packages, so it cannot be a named
 * module), where rewrite-online's {@code module-info} is not enforced. This test enforces it instead: every package
 * of rewrite-online that rewrite-offline's main code names (import, static import or fully qualified name, Javadoc
 * included) must be one the compiled descriptor exports to everyone (docs/adr/0008).
 */
class OnlineBoundaryTest {
  private static final String ONLINE = "org.selflearn.rewriter.online";
  /** A package name of rewrite-online: the lower-case segments after the prefix, up to the first type name. */
  private static final Pattern REFERENCE = Pattern.compile("\\b" + Pattern.quote(ONLINE)
      + "(?:\\.[a-z_][a-z0-9_]*)*\\b");

  @Test
  void shouldNameOnlyPackagesThatRewriteOnlineExports() throws IOException {
    Set<String> exported = exportedPackages();
    List<String> violations = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = REFERENCE.matcher(lines.get(i));
          while (m.find()) {
            used.add(m.group());
            if (!exported.contains(m.group())) {
              violations.add(file + ":" + (i + 1) + ": " + m.group());
            }
          }
        }
      }
    }
    assertThat(violations).as("rewrite-offline names packages that rewrite-online does not export %s", exported)
        .isEmpty();
    // not vacuous: the scan sees the API and the training seam in use
    assertThat(used).contains(ONLINE, ONLINE + ".training");
  }

  @Test
  void shouldKeepTheInternalsOutOfTheExports() throws IOException {
    assertThat(exportedPackages()).contains(ONLINE, ONLINE + ".training")
        .doesNotContain(ONLINE + ".internal", ONLINE + ".rank", ONLINE + ".version");
  }

  @Test
  void shouldFindNamesOfPackagesNotOfTypes() {
    Matcher m = REFERENCE.matcher("import org.selflearn.rewriter.online.internal.LoadedModel; "
        + "import static org.selflearn.rewriter.online.rank.FeatureExtractor.NAMES; "
        + "org.selflearn.rewriter.online.QueryRewriter q; import org.selflearn.rewriter.online.version.*;");
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group());
    }
    assertThat(found).containsExactly(ONLINE + ".internal", ONLINE + ".rank", ONLINE, ONLINE + ".version");
  }

  /** The packages rewrite-online's compiled module descriptor exports to every module (not qualified exports). */
  private static Set<String> exportedPackages() throws IOException {
    ModuleDescriptor d = onlineDescriptor();
    assertThat(d.name()).isEqualTo(ONLINE);
    return d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Reads module-info.class from where rewrite-online's classes are: its jar, or its classes directory. */
  private static ModuleDescriptor onlineDescriptor() throws IOException {
    Path location;
    try {
      location = Path.of(QueryRewriter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (Files.isDirectory(location)) {
      try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
        return ModuleDescriptor.read(in);
      }
    }
    try (FileSystem jar = FileSystems.newFileSystem(location)) {
      try (InputStream in = Files.newInputStream(jar.getPath("module-info.class"))) {
        return ModuleDescriptor.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("no module-info.class in " + location, e);
      }
    }
  }
}
