package vn.motcua.organisation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * The province's organisation, read from a data file ({@code motcua.organisation.file}); not code.
 * The file lists the agencies with their official identifiers and the roles each one has.
 */
@Service
public class OrganisationDirectory {
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern IDENTIFIER =
      Pattern.compile("[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9A-Z]{2}");

  private final String province;
  private final Map<String, Agency> agencies;

  @Autowired
  public OrganisationDirectory(
      ResourceLoader loader, ObjectMapper mapper, @Value("${motcua.organisation.file}") String file) {
    Resource resource = loader.getResource(file);
    try (InputStream in = resource.getInputStream()) {
      OrganisationFile data = mapper.readValue(in, OrganisationFile.class);
      this.province = data.province();
      this.agencies = Collections.unmodifiableMap(validate(data.agencies(), file));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read organisation file " + file + ": " + e.getMessage(), e);
    }
  }

  /** For tests: a directory over the given agencies. */
  public OrganisationDirectory(String province, List<Agency> agencies) {
    this.province = province;
    this.agencies = Collections.unmodifiableMap(validate(agencies, "(in memory)"));
  }

  private static Map<String, Agency> validate(List<Agency> list, String file) {
    Map<String, Agency> map = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Agency a : list == null ? List.<Agency>of() : list) {
      if (a.key() == null || !KEY.matcher(a.key()).matches()) {
        problems.add("bad key '" + a.key() + "'");
      } else if (map.containsKey(a.key())) {
        problems.add("duplicate key '" + a.key() + "'");
      }
      if (a.identifier() == null || !IDENTIFIER.matcher(a.identifier()).matches()) {
        problems.add(a.key() + ": identifier '" + a.identifier() + "' is not V1V2V3.Z1Z2.Y1Y2.MX1X2");
      }
      if (a.name() == null || a.name().isBlank() || a.level() == null || a.type() == null) {
        problems.add(a.key() + ": name, level and type are required");
      }
      if (a.roles() == null || a.roles().isEmpty()) {
        problems.add(a.key() + ": no roles");
      }
      map.put(a.key(), a);
    }
    for (Agency a : map.values()) {
      if (a.parent() != null && !map.containsKey(a.parent())) {
        problems.add(a.key() + ": unknown parent '" + a.parent() + "'");
      }
    }
    if (map.isEmpty()) {
      problems.add("no agencies");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Organisation file " + file + " is invalid: " + problems);
    }
    return map;
  }

  public String province() {
    return province;
  }

  public Collection<Agency> agencies() {
    return agencies.values();
  }

  public Optional<Agency> find(String key) {
    return Optional.ofNullable(key == null ? null : agencies.get(key));
  }

  public Agency get(String key) {
    return find(key).orElseThrow(() -> new IllegalArgumentException("Unknown agency '" + key + "'"));
  }

  /** The agency and role behind a group id such as {@code tq-stp.specialist}, if it is one of ours. */
  public Optional<UnitRole> parseGroup(String groupId) {
    if (groupId == null) {
      return Optional.empty();
    }
    int dot = groupId.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    Optional<Agency> agency = find(groupId.substring(0, dot));
    Optional<Role> role = Role.fromId(groupId.substring(dot + 1));
    if (agency.isEmpty() || role.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new UnitRole(agency.get(), role.get()));
  }

  /** An agency with one of its roles. */
  public record UnitRole(Agency agency, Role role) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OrganisationFile(String province, List<Agency> agencies) {}
}
