package vn.motcua;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure rules of docs/architecture.md, checked on the compiled main classes (ArchUnit) and, for
 * the SQL that writes the project's tables, on the main sources:
 * <ul>
 *   <li>the features ({@code vn.motcua.<feature>..}) depend on each other without cycles;</li>
 *   <li>a feature's repositories are used by that feature only, and only the feature that owns a table
 *   writes it: other features call the owner's services;</li>
 *   <li>the engine's internals ({@code org.camunda.bpm.engine.impl..}) are reached only from the engine
 *   adapters named in docs/architecture.md, so a move to a Camunda 7 fork stays a small change.</li>
 * </ul>
 */
class ArchitectureTest {
  static final String BASE = "vn.motcua";

  /** The one feature that writes each of the project's tables (Flyway migrations under db/). */
  static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
      Map.entry("dossier", "dossier"),
      Map.entry("dossier_document", "dossier"),
      Map.entry("dossier_event", "dossier"),
      Map.entry("dossier_control_log", "dossier"),
      Map.entry("dossier_code_sequence", "dossier"),
      Map.entry("dossier_responsible_unit", "dossier"),
      Map.entry("dossier_alert", "overdue"),
      Map.entry("apology_letter", "overdue"),
      Map.entry("apology_sequence", "overdue"),
      Map.entry("calendar_day", "calendar"),
      Map.entry("dossier_file", "files"),
      Map.entry("public_submission", "citizen"),
      Map.entry("client_throttle", "citizen"),
      Map.entry("lookup_code", "citizen"),
      Map.entry("login_failure", "security"),
      Map.entry("notification", "notification"),
      Map.entry("report_rollup", "report"),
      Map.entry("report_rollup_lock", "report"),
      Map.entry("procedure_migration", "procedure"),
      Map.entry("petition", "petition"),
      Map.entry("petition_step", "petition"),
      Map.entry("petition_event", "petition"),
      Map.entry("petition_file", "petition"),
      Map.entry("petition_code_sequence", "petition"),
      Map.entry("portal_event", "portal"),
      Map.entry("fee_payment", "payment"),
      Map.entry("fee_callback", "payment"),
      Map.entry("access_log", "accesslog"),
      Map.entry("catalogue_procedure", "catalogue"));

  /**
   * Columns that another feature keeps in an owner's table: the reports' roll-up marks the dossiers it
   * has counted ({@code dossier.rollup_batch}, indexed with {@code closed_at} for the live part of a
   * report). An update that sets only such a column is the column owner's.
   */
  static final Map<String, String> COLUMN_OWNERS = Map.of("dossier.rollup_batch", "report");

  /** The classes allowed to use Camunda's internal API: the engine adapters of docs/architecture.md. */
  static final List<String> ENGINE_ADAPTERS = List.of(
      BASE + ".engine..",
      BASE + ".dossier.EngineClock",
      BASE + ".dossier.engine.Delegates",
      BASE + ".security.SystemAccess");

  static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(BASE);
  }

  @Test
  void features_depend_on_each_other_without_cycles() {
    slices().matching(BASE + ".(*)..").namingSlices("feature $1")
        .should().beFreeOfCycles()
        .check(main);
  }

  @Test
  void packages_depend_on_each_other_without_cycles() {
    slices().matching(BASE + ".(**)").namingSlices("package $1")
        .should().beFreeOfCycles()
        .check(main);
  }

  @Test
  void a_features_repositories_are_used_by_that_feature_only() {
    ArchRule rule = classes().that().haveSimpleNameEndingWith("Repository").and().resideInAPackage(BASE + "..")
        .should(beUsedOnlyInsideTheirFeature());
    rule.check(main);
  }

  @Test
  void only_the_owning_feature_writes_a_table() {
    List<String> violations = new ArrayList<>();
    for (SqlWrite write : sqlWrites(Path.of("src/main/java", BASE.split("\\.")))) {
      String owner = write.column() != null && COLUMN_OWNERS.containsKey(write.table() + "." + write.column())
          ? COLUMN_OWNERS.get(write.table() + "." + write.column()) : TABLE_OWNERS.get(write.table());
      if (owner == null) {
        violations.add(write + ": table " + write.table() + " has no owner in TABLE_OWNERS");
      } else if (!owner.equals(write.feature())) {
        violations.add(write + ": table " + write.table() + " belongs to feature " + owner);
      }
    }
    assertThat(violations).as("SQL writes outside the owning feature").isEmpty();
  }

  @Test
  void engine_internals_only_in_the_engine_adapters() {
    noClasses().that().resideOutsideOfPackages(BASE + ".engine..")
        .and(DescribedPredicate.not(namedAdapter()))
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .because("docs/architecture.md names the engine adapters; everything else uses the public engine API")
        .check(main);
  }

  @Test
  void the_write_scanner_finds_writes_and_their_feature() throws IOException {
    Path dir = Files.createTempDirectory("arch");
    Path file = dir.resolve("report/Foo.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "class Foo { String a = \"UPDATE dossier SET x = 1\"; String b = \"SELECT 1 FOR UPDATE"
        + " SKIP LOCKED\"; String c = \"INSERT INTO report_rollup (a) VALUES (?)\"; }");
    assertThat(sqlWrites(dir)).extracting(SqlWrite::table, SqlWrite::column, SqlWrite::feature)
        .containsExactly(tuple("dossier", null, "report"), tuple("report_rollup", null, "report"));
    Files.writeString(file, "class Foo { String a = \"UPDATE dossier SET rollup_batch = NULL WHERE id = ?\";"
        + " String b = \"UPDATE dossier SET rollup_batch = ?, status = 1 WHERE id = ?\"; }");
    assertThat(sqlWrites(dir)).extracting(SqlWrite::table, SqlWrite::column)
        .containsExactly(tuple("dossier", "rollup_batch"), tuple("dossier", null));
  }

  private static DescribedPredicate<JavaClass> namedAdapter() {
    return DescribedPredicate.describe("a named engine adapter", c -> ENGINE_ADAPTERS.stream()
        .anyMatch(a -> a.endsWith("..") ? c.getPackageName().startsWith(a.substring(0, a.length() - 2))
            : c.getName().equals(a) || c.getName().startsWith(a + "$")));
  }

  /** The feature of a class: the first package below {@code vn.motcua}. */
  static String featureOf(JavaClass c) {
    String rest = c.getPackageName().startsWith(BASE + ".") ? c.getPackageName().substring(BASE.length() + 1) : "";
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static ArchCondition<JavaClass> beUsedOnlyInsideTheirFeature() {
    return new ArchCondition<>("be used only inside their feature") {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        String feature = featureOf(repository);
        for (Dependency d : repository.getDirectDependenciesToSelf()) {
          JavaClass user = d.getOriginClass();
          if (user.getPackageName().startsWith(BASE) && !featureOf(user).equals(feature)) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }

  /** A write of {@code table} (and, for an update that sets one column only, that {@code column}). */
  record SqlWrite(String file, int line, String table, String column, String feature) {
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  private static final Pattern WRITE =
      Pattern.compile("(?<!FOR )\\b(?:INSERT INTO|UPDATE|DELETE FROM|MERGE INTO)\\s+([a-z_][a-z0-9_]*)\\b");
  private static final Pattern ONE_COLUMN = Pattern.compile("\\G\\s+SET\\s+([a-z_][a-z0-9_]*)\\s*=[^,]*?\\sWHERE\\b");

  /** Every SQL write in the Java sources below {@code root}, with the feature (first folder) it lives in. */
  static List<SqlWrite> sqlWrites(Path root) {
    List<SqlWrite> writes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        Path relative = root.relativize(file);
        String feature = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = WRITE.matcher(lines.get(i));
          while (m.find()) {
            Matcher one = ONE_COLUMN.matcher(lines.get(i));
            String column = one.find(m.end()) && m.group().startsWith("UPDATE") ? one.group(1) : null;
            writes.add(new SqlWrite(relative.toString(), i + 1, m.group(1), column, feature));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return writes;
  }
}
