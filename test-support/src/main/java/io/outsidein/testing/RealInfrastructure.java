package io.outsidein.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at a fresh database on a real PostgreSQL and at a real broker. Use
 * with {@code @QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass =
 * true)}.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {
  private String database;

  @Override
  public Map<String, String> start() {
    TestInfrastructure infra = TestInfrastructure.shared();
    database = infra.freshDatabase();
    return Map.of(
        "quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database),
        "quarkus.datasource.username", infra.postgres().user(),
        "quarkus.datasource.password", infra.postgres().password(),
        "kafka.bootstrap.servers", infra.broker().bootstrapServers());
  }

  @Override
  public void stop() {
    if (database != null) {
      TestInfrastructure.shared().postgres().dropDatabase(database);
    }
  }
}
