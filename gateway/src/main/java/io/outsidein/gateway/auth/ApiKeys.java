package io.outsidein.gateway.auth;

import io.outsidein.gateway.config.GatewayConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured API keys, held only as SHA-256 hashes. Checked at start-up: a gateway with no key,
 * or with a published demo key outside the local and test profiles, refuses to start.
 */
@Startup
@ApplicationScoped
public class ApiKeys {
  /** The keys documented for local runs; they must never open a production gateway. */
  public static final List<String> DEMO_KEYS =
      List.of(
          "local-admin-key",
          "local-agent-key",
          "local-supervisor-key",
          "local-analyst-key",
          "local-integration-key");

  private final List<Client> clients;
  // The clients' hashes as bytes, parsed once: every call compares against all of them.
  private final List<byte[]> hashes;

  @Inject
  ApiKeys(GatewayConfig config) {
    this(config.auth().keys().orElse(List.of()), config.auth().allowDemoKeys());
  }

  ApiKeys(List<String> entries, boolean allowDemoKeys) {
    this.clients = parse(entries);
    this.hashes =
        clients.stream().map(client -> HexFormat.of().parseHex(client.keyHash())).toList();
    if (clients.isEmpty()) {
      throw new IllegalStateException(
          "No API key is configured: set OUTSIDEIN_GATEWAY_AUTH_KEYS to client:role:sha256 entries"
              + " (hash a key with: printf %s \"$KEY\" | sha256sum)");
    }
    if (!allowDemoKeys) {
      for (Client client : clients) {
        if (DEMO_KEYS.stream().map(ApiKeys::sha256).anyMatch(client.keyHash()::equals)) {
          throw new IllegalStateException(
              "API key of client '"
                  + client.name()
                  + "' is a published demo key: configure your own keys for this profile");
        }
      }
    }
  }

  /** The client whose key this is; every configured hash is compared, in constant time. */
  public Optional<Client> find(String presentedKey) {
    if (presentedKey == null || presentedKey.isBlank()) {
      return Optional.empty();
    }
    byte[] presented = digest(presentedKey.strip());
    Client found = null;
    for (int i = 0; i < clients.size(); i++) {
      if (MessageDigest.isEqual(presented, hashes.get(i))) {
        found = clients.get(i);
      }
    }
    return Optional.ofNullable(found);
  }

  public static String sha256(String key) {
    return HexFormat.of().formatHex(digest(key));
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static List<Client> parse(List<String> entries) {
    List<Client> parsed = new ArrayList<>();
    for (String entry : entries) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.strip().split(":");
      if (parts.length != 3 || !parts[2].matches("[0-9a-fA-F]{64}") || parts[0].isBlank()) {
        throw new IllegalStateException(
            "API key entry '"
                + parts[0]
                + ":...' is not client:role:sha256-hex (64 hex digits of the key's SHA-256)");
      }
      parsed.add(
          new Client(
              parts[0].strip(), Role.parse(parts[1]), parts[2].toLowerCase(java.util.Locale.ROOT)));
    }
    return List.copyOf(parsed);
  }
}
