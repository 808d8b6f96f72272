package vn.motcua.print;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The print templates (Thymeleaf, XHTML + CSS): {@code form-01.html} … {@code form-06.html} and the
 * shared {@code common.html}. They ship on the classpath under {@code print/}; an administrator edits
 * them by copying a file into the directory named by {@code motcua.print.template-dir}, which is read
 * first (not cached, so an edit shows on the next print). See docs/printing.md.
 */
@Component
public class PrintTemplates {
  private final TemplateEngine engine = new TemplateEngine();
  private final String templateDir;

  public PrintTemplates(@Value("${motcua.print.template-dir:}") String templateDir) {
    this.templateDir = templateDir == null ? "" : templateDir.strip();
    int order = 1;
    if (!this.templateDir.isEmpty()) {
      FileTemplateResolver files = new FileTemplateResolver();
      files.setPrefix(Path.of(this.templateDir).toAbsolutePath() + "/");
      files.setSuffix(".html");
      files.setTemplateMode(TemplateMode.HTML);
      files.setCharacterEncoding("UTF-8");
      files.setCheckExistence(true);
      files.setCacheable(false);
      files.setOrder(order++);
      engine.addTemplateResolver(files);
    }
    ClassLoaderTemplateResolver classpath = new ClassLoaderTemplateResolver();
    classpath.setPrefix("print/");
    classpath.setSuffix(".html");
    classpath.setTemplateMode(TemplateMode.HTML);
    classpath.setCharacterEncoding("UTF-8");
    classpath.setCacheable(true);
    classpath.setOrder(order);
    engine.addTemplateResolver(classpath);
  }

  /** Fills the named template (e.g. {@code form-01}) with the model; returns XHTML. */
  public String fill(String template, Map<String, Object> model) {
    Context context = new Context(Locale.forLanguageTag("vi-VN"));
    context.setVariables(model);
    return engine.process(template, context);
  }

  /** Whether the administrator has overridden the given template on the file system. */
  public boolean overridden(String template) {
    return !templateDir.isEmpty() && Files.isRegularFile(Path.of(templateDir, template + ".html"));
  }
}
