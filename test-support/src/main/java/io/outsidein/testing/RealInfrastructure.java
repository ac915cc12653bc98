package io.outsidein.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at a fresh database on a real PostgreSQL and at a real broker; the
 * database lives as long as the application start that asked for it.
 *
 * <p>{@code @WithTestResource(value = RealInfrastructure.class, scope = MATCHING_RESOURCES)}: the
 * module's classes with the same resources share one start and one database, so each test makes its
 * own customers, segments and ids. {@code scope = RESTRICTED_TO_CLASS} gives a class a start and a
 * database of its own, for a test that reads a whole table or changes what every other test reads.
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
