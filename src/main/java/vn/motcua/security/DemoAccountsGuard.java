package vn.motcua.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import vn.motcua.organisation.DemoUsers;

/**
 * Outside the demo setup, refuses to start while the database still holds demo accounts that accept the
 * demo password (a database first run with the demo profile): they would bypass the administrator
 * password check. The operator deletes them in Camunda Admin or starts on a fresh database.
 */
@Component
@ConditionalOnProperty(name = "motcua.demo.enabled", havingValue = "false", matchIfMissing = true)
public class DemoAccountsGuard {
  static final String DEMO_ADMIN = "demo";

  public DemoAccountsGuard(IdentityService identityService, ResourceLoader loader, ObjectMapper mapper,
      @Value("${motcua.demo.users-file:classpath:demo/users.json}") String location) throws IOException {
    List<String> candidates = new ArrayList<>(List.of(DEMO_ADMIN));
    String password = "demo";
    Resource resource = loader.getResource(location);
    if (resource.exists()) {
      try (InputStream in = resource.getInputStream()) {
        DemoUsers.DemoFile file = mapper.readValue(in, DemoUsers.DemoFile.class);
        password = file.password();
        file.users().forEach(u -> candidates.add(u.id()));
      }
    }
    List<String> open = new ArrayList<>();
    for (String id : candidates) {
      if (identityService.createUserQuery().userId(id).count() > 0 && identityService.checkPassword(id, password)) {
        open.add(id);
      }
    }
    if (!open.isEmpty()) {
      throw new InsecureConfigurationException("Demo accounts with the demo password exist in this database "
          + open + "; Một Cửa does not start without the demo profile until they are deleted (Camunda Admin) "
          + "or the system runs on a fresh database.");
    }
  }
}
