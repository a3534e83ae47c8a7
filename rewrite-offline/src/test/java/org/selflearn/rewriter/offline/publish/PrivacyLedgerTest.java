package org.selflearn.rewriter.offline.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyLedgerTest {
  @TempDir
  Path home;

  private static PrivacyLedger.Entry entry(String version, double epsilon) {
    return new PrivacyLedger.Entry(version, "2026-12-07T00:00:00Z", epsilon, 1e-6, "log train.jsonl");
  }

  @Test
  void anEmptyLedgerHasRoomUpToTheLimitAndReportsNoPublish() {
    PrivacyLedger ledger = PrivacyLedger.of(home);
    assertThat(ledger.entries()).isEmpty();
    assertThat(ledger.report(null)).containsEntry("publishes", 0).doesNotContainKey("totalEpsilon");
    assertThat(ledger.report(entry("v-000001", 2.0))).containsEntry("publishes", 1).containsEntry("totalEpsilon", 2.0);
    ledger.checkRoom(entry("v-000001", 2.0), 2.0);
    assertThatThrownBy(() -> ledger.checkRoom(entry("v-000001", 2.5), 2.0))
        .isInstanceOf(PrivacyLedger.BudgetExhausted.class).hasMessageContaining("spent epsilon 0");
  }

  @Test
  void recordedPublishesSurviveAReopenAndAddUpByBasicComposition() {
    PrivacyLedger ledger = PrivacyLedger.of(home);
    ledger.record(entry("v-000001", 1.0));
    ledger.record(entry("v-000002", 0.5));
    PrivacyLedger again = PrivacyLedger.of(home);
    assertThat(again.entries()).containsExactly(entry("v-000001", 1.0), entry("v-000002", 0.5));
    assertThat(again.total(null).epsilon()).isEqualTo(1.5);
    assertThat(again.total(null).delta()).isEqualTo(2e-6);
    assertThat(again.total(entry("v-000003", 1.0)).epsilon()).isEqualTo(2.5);
    assertThat(again.total(null).rule()).contains("basic composition");
    assertThat(again.report(null)).containsEntry("publishes", 2).containsEntry("totalEpsilon", 1.5);
    again.checkRoom(entry("v-000003", 1.0), 2.5);
    again.checkRoom(entry("v-000003", 100.0), 0); // 0: no limit
    assertThatThrownBy(() -> again.checkRoom(entry("v-000003", 1.01), 2.5))
        .isInstanceOf(PrivacyLedger.BudgetExhausted.class).hasMessageContaining("privacy.max-total-epsilon is 2.5")
        .hasMessageContaining("2 private publishes").hasMessageContaining("would make it 2.51");
  }

  @Test
  void aMalformedLineFailsNamingTheLineAndTheField() throws IOException {
    Files.writeString(home.resolve(PrivacyLedger.FILE_NAME), "{\"version\":\"v-000001\",\"epsilon\":1,\"delta\":1e-6}\n"
        + "{\"version\":\"v-000002\",\"epsilon\":\"one\",\"delta\":1e-6}\n");
    assertThatThrownBy(() -> PrivacyLedger.of(home)).hasMessageContaining("line 2")
        .hasMessageContaining("field epsilon");
    Files.writeString(home.resolve(PrivacyLedger.FILE_NAME), "not json\n");
    assertThatThrownBy(() -> PrivacyLedger.of(home)).hasMessageContaining("line 1").hasMessageContaining("JSON");
  }
}
