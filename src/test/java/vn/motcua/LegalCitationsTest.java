package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Decree 118/2025/NĐ-CP replaced Decree 61/2018/NĐ-CP on 1 July 2025 (issue 18, finding 11): a text that
 * an officer or a citizen reads (forms, models, the Vietnamese strings of the code, web pages) and a page
 * of the docs may name Decree 61 only beside Decree 118/2025. The printed forms keep the name of the
 * circular that defines them (Circular 01/2018/TT-VPCP), which is not Decree 61.
 */
class LegalCitationsTest {
  private static final Pattern DECREE_61 = Pattern.compile("Decree 61|61/2018/NĐ|Nghị định (số )?61");

  private static List<Path> files(String root, String... endings) throws IOException {
    if (!Files.isDirectory(Path.of(root))) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(Path.of(root))) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> Stream.of(endings).anyMatch(e -> p.toString().endsWith(e))).sorted().toList();
    }
  }

  @Test
  void officer_and_citizen_texts_cite_decree_118_2025_not_decree_61_alone() throws IOException {
    List<String> alone = new ArrayList<>();
    List<Path> texts = new ArrayList<>();
    texts.addAll(files("forms", ".form"));
    texts.addAll(files("processes", ".bpmn"));
    texts.addAll(files("src/main/resources", ".html", ".json", ".js", ".yml", ".properties", ".txt"));
    for (Path file : texts) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (DECREE_61.matcher(lines.get(i)).find() && !lines.get(i).contains("118/2025")) {
          alone.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    // the Vietnamese strings of the code: a literal that names Decree 61 names Decree 118/2025 as well
    for (Path file : files("src/main/java", ".java")) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        String code = line.strip();
        if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
          continue; // comments are for developers
        }
        if (line.contains("\"") && DECREE_61.matcher(line).find() && !line.contains("118/2025")) {
          alone.add(file + ":" + (i + 1) + ": " + line.strip());
        }
      }
    }
    assertThat(alone).as("texts that cite Decree 61/2018 without Decree 118/2025").isEmpty();
  }

  @Test
  void every_paragraph_of_the_docs_that_names_decree_61_names_decree_118_2025() throws IOException {
    List<String> alone = new ArrayList<>();
    List<Path> docs = new ArrayList<>(files("docs", ".md"));
    docs.add(Path.of("README.md"));
    for (Path file : docs) {
      for (String paragraph : Files.readString(file).split("\\n\\s*\\n")) {
        if (DECREE_61.matcher(paragraph).find() && !paragraph.contains("118/2025")) {
          alone.add(file + ": " + paragraph.strip().lines().findFirst().orElse(""));
        }
      }
    }
    assertThat(alone).as("doc paragraphs that cite Decree 61 without Decree 118/2025").isEmpty();
  }
}
