package org.hse.api;

import static org.hse.api.ApiAssertions.created;
import static org.hse.api.ApiAssertions.id;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The world a client-level test builds before its first test: callers of the test users ({@code
 * src/test/resources/test-users.json}), then projects, offices, incidents, actions and links, each
 * created through the API and checked to answer 201. One builder for every such test, instead of
 * each class's own copy of the same calls.
 *
 * <p>The classes on the {@link SharedServer} share one database, so each builds in tenants of its
 * own, with users whose tenants are those: the API tests P1 and P2 ({@code writer}, {@code reader},
 * {@code other}, {@code norole}), {@link HostileIT} its P1 and P2 ({@code hostile-*}), {@link
 * ClientFieldsIT} and the generated client's test theirs. Callers are renewed when their token is
 * older than {@link #RENEW_AFTER}: the service's tokens live 300 s, and a class may run later than
 * that after the world was built.
 */
public final class TestWorld {

  /** Callers older than this get a new token before they are handed out. */
  static final Duration RENEW_AFTER = Duration.ofMinutes(4);

  private final ApiClient anonymous;
  private final Map<String, Login> logins = new HashMap<>();

  private TestWorld(URI base) {
    this.anonymous = new ApiClient(base, null);
  }

  /** A world on the service at {@code base}. */
  public static TestWorld on(URI base) {
    return new TestWorld(base);
  }

  /** A world on the {@link SharedServer}. */
  public static TestWorld shared() {
    return on(SharedServer.base());
  }

  public ApiClient anonymous() {
    return anonymous;
  }

  /**
   * A caller logged in as this test user (password {@link TestData#password}) with the built-in
   * token endpoint, whose token has at least a minute left.
   */
  public synchronized ApiClient as(String user) {
    Login login = logins.get(user);
    if (login == null || login.at().plus(RENEW_AFTER).isBefore(Instant.now())) {
      Instant at = Instant.now();
      login =
          new Login(
              anonymous.as(ApiClient.login(anonymous.base(), user, TestData.password(user))), at);
      logins.put(user, login);
    }
    return login.caller();
  }

  /** Creates a project as {@code by}; its id. */
  public String project(ApiClient by, JsonObjectBuilder project) {
    return create(by, "project", project.build());
  }

  /** Creates an office of {@code project} as {@code by}; its id. */
  public String office(ApiClient by, String id, String project, String name) {
    return create(by, "office", TestData.office(id, project, name));
  }

  /** Creates an item of {@code resource} as {@code by}, checking the 201; its id. */
  public String create(ApiClient by, String resource, JsonObject body) {
    return id(created(by.create(resource, body)));
  }

  /** Creates an item of {@code resource} as {@code by}, checking the 201; its id. */
  public String create(ApiClient by, String resource, JsonObjectBuilder body) {
    return create(by, resource, body.build());
  }

  private record Login(ApiClient caller, Instant at) {}
}
