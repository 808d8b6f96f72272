package vn.motcua.organisation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo users (one or more per role) from {@code motcua.demo.users-file}. Active only in the
 * demo profile: a production system has no demo users.
 */
@Component
@ConditionalOnProperty(name = "motcua.demo.enabled", havingValue = "true")
public class DemoUsers {
  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identityService;
  private final OrganisationDirectory directory;
  private final DemoFile file;

  public DemoUsers(
      IdentityService identityService,
      OrganisationDirectory directory,
      IdentitySync identitySync,
      ResourceLoader loader,
      ObjectMapper mapper,
      @Value("${motcua.demo.users-file}") String location) {
    this.identityService = identityService;
    this.directory = directory;
    try (InputStream in = loader.getResource(location).getInputStream()) {
      this.file = mapper.readValue(in, DemoFile.class);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read demo users " + location + ": " + e.getMessage(), e);
    }
  }

  @PostConstruct
  void seed() {
    for (DemoUser u : file.users()) {
      User user = identityService.createUserQuery().userId(u.id()).singleResult();
      if (user == null) {
        user = identityService.newUser(u.id());
        user.setFirstName(u.firstName());
        user.setLastName(u.lastName());
        user.setEmail(u.email());
        user.setPassword(file.password());
        identityService.saveUser(user);
      } else if (!u.firstName().equals(user.getFirstName()) || !u.lastName().equals(user.getLastName())) {
        // a demo database made before the names took the Vietnamese order of the webapps
        user.setFirstName(u.firstName());
        user.setLastName(u.lastName());
        identityService.saveUser(user);
      }
      for (String groupId : u.groups()) {
        if (directory.parseGroup(groupId).isEmpty()) {
          throw new IllegalStateException("Demo user " + u.id() + " names unknown group " + groupId);
        }
        if (identityService.createUserQuery().userId(u.id()).memberOfGroup(groupId).count() == 0) {
          identityService.createMembership(u.id(), groupId);
        }
      }
    }
    log.info("Demo users ready: {} (password '{}')", file.users().stream().map(DemoUser::id).toList(),
        file.password());
  }

  public List<DemoUser> users() {
    return file.users();
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DemoUser(String id, String firstName, String lastName, String email, List<String> groups) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DemoFile(String password, List<DemoUser> users) {}
}
