package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.MotCuaApplication;

/**
 * An officer logged into Tasklist on one node stays logged in on the other: two nodes (two complete
 * applications with the production profile {@code postgres}, which turns the shared session store on) on one
 * database; the login on node A, its session cookie presented to node B. On H2 the two nodes share an
 * in-memory database in this JVM; with {@code -Ppostgres} a fresh PostgreSQL database.
 */
// runs after the process tests (before ProcessCoverageTest): the engines it starts stay out of their way
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 1)
class SharedSessionTest {
  /** Node A's engine, named in the webapps' URLs. */
  private static final String ENGINE_A = "sessionsa";
  private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
  private static String adminUrl;
  private static String database;
  private static String user;
  private static String password;

  @BeforeAll
  static void twoNodes() throws Exception {
    String pg = System.getProperty("motcua.test.datasource.url", "");
    user = System.getProperty("spring.datasource.username", "postgres");
    password = System.getProperty("spring.datasource.password", "");
    String url;
    if ("postgres".equals(System.getProperty("motcua.test.db")) && !pg.isBlank()) {
      String base = pg.substring(0, pg.lastIndexOf('/') + 1);
      database = pg.substring(pg.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_]", "") + "_sessions";
      adminUrl = base + "postgres";
      try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
          Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + database);
      }
      url = base + database;
    } else {
      url = "jdbc:h2:mem:motcua-sessions;DB_CLOSE_DELAY=-1";
      user = "sa";
    }
    Path dir = Files.createTempDirectory("motcua-sessions");
    for (String node : List.of("a", "b")) {
      nodes.add(new SpringApplicationBuilder(MotCuaApplication.class).profiles("demo", "test", "postgres").run(
          "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
          "--spring.datasource.password=" + password, "--server.port=0",
          // one JVM keeps one engine per name (and the suite's own context has "default"): the nodes' engines
          // have names of their own, and the webapps' URLs name node A's engine
          "--camunda.bpm.process-engine-name=sessions" + node,
          "--motcua.data-dir=" + dir.resolve(node),
          "--motcua.files.location=" + dir.resolve("files"), "--spring.main.banner-mode=off",
          "--spring.datasource.hikari.maximum-pool-size=5"));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    nodes.forEach(ConfigurableApplicationContext::close);
    if (database != null) {
      try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
          Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  private static String base(int node) {
    return "http://127.0.0.1:" + ((WebServerApplicationContext) nodes.get(node)).getWebServer().getPort();
  }

  private static HttpResponse<String> whoAmI(int node, String cookie) throws Exception {
    HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(base(node) + "/camunda/api/admin/auth/user/" + ENGINE_A));
    if (cookie != null) {
      get.header("Cookie", cookie);
    }
    return http.send(get.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The value of a cookie the answer sets, or null. */
  private static String cookie(HttpResponse<?> answer, String name) {
    return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .reduce((a, b) -> b).orElse(null);
  }

  @Test
  void an_officer_logged_into_tasklist_on_one_node_stays_logged_in_on_the_other() throws Exception {
    // the webapp's CSRF cookie (its token lives in the session), then the Tasklist login form, as the browser does
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base(0) + "/camunda/app/tasklist/" + ENGINE_A + "/"))
        .build(), HttpResponse.BodyHandlers.ofString());
    String xsrf = cookie(page, "XSRF-TOKEN");
    String first = cookie(page, "JSESSIONID");
    assertThat(xsrf).as("XSRF-TOKEN of %s", page.headers().map()).isNotNull();
    String form = "username=" + URLEncoder.encode("mc.hung", StandardCharsets.UTF_8) + "&password=demo";
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(
            URI.create(base(0) + "/camunda/api/admin/auth/user/" + ENGINE_A + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .header("Cookie", "XSRF-TOKEN=" + xsrf + (first == null ? "" : "; JSESSIONID=" + first))
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("login on node A: %s", login.body()).isEqualTo(200);
    String session = cookie(login, "JSESSIONID");
    assertThat(session).as("session cookie of %s", login.headers().map()).isNotNull();
    String cookie = "JSESSIONID=" + session;

    assertThat(whoAmI(0, cookie).body()).contains("\"userId\":\"mc.hung\"");
    // node A stops serving; the load balancer sends the officer's next request to node B with the same cookie
    JdbcTemplate jdbc = nodes.get(1).getBean(JdbcTemplate.class);
    ((WebServerApplicationContext) nodes.get(0)).getWebServer().stop();
    HttpResponse<String> onB = whoAmI(1, cookie);
    assertThat(onB.statusCode()).as("node B: %s", onB.body()).isEqualTo(200);
    assertThat(onB.body()).contains("\"userId\":\"mc.hung\"").contains("tasklist");
    assertThat(whoAmI(1, null).statusCode()).as("without the cookie").isNotEqualTo(200);

    // the session is a row both nodes read
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION_ATTRIBUTES", Integer.class)).isPositive();
  }
}
