package io.outsidein.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  private static final String CRM_KEY = "s3cret-crm-key-0123456789";

  @Test
  void findsTheClientOfAKeyByItsHash() {
    ApiKeys keys = new ApiKeys(List.of("crm:integration:" + ApiKeys.sha256(CRM_KEY)), false);

    assertThat(keys.find(CRM_KEY))
        .hasValueSatisfying(
            client -> {
              assertThat(client.name()).isEqualTo("crm");
              assertThat(client.role()).isEqualTo(Role.INTEGRATION);
            });
    assertThat(keys.find("another-key")).isEmpty();
    assertThat(keys.find(null)).isEmpty();
  }

  @Test
  void refusesToStartWithoutAnyKey() {
    assertThatThrownBy(() -> new ApiKeys(List.of(), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No API key is configured");
  }

  @Test
  void refusesToStartWithADemoKeyUnlessDemoKeysAreAllowed() {
    List<String> demo = List.of("ops:admin:" + ApiKeys.sha256("local-admin-key"));

    assertThatThrownBy(() -> new ApiKeys(demo, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("published demo key");
    assertThat(new ApiKeys(demo, true).find("local-admin-key")).isPresent();
  }

  @Test
  void refusesAnEntryThatIsNotAHash() {
    assertThatThrownBy(() -> new ApiKeys(List.of("crm:integration:plain-key"), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("client:role:sha256-hex");
    assertThatThrownBy(
            () -> new ApiKeys(List.of("crm:superuser:" + ApiKeys.sha256(CRM_KEY)), false))
        .hasMessageContaining("unknown role");
  }
}
