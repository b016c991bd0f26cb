package dev.kept.render;

import dev.kept.model.Finding;
import dev.kept.model.Findings;
import dev.kept.model.SourcePos;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A site theme: FreeMarker templates, words ({@code i18n/<lang>.properties}) and static assets
 * ({@code assets/}). A company's theme folder overrides the built-in theme file by file; whatever
 * it does not provide falls back to the theme packaged in Kept's jar (the repository's {@code
 * templates/} folder).
 *
 * <p>FreeMarker is locked down: HTML auto-escaping for {@code .ftlh} (XML for {@code .ftlx}), no
 * {@code ?new} or {@code ?api}, templates can read only the public view records' components (no
 * class, no other method), and any template error fails the build rather than reaching a page. A
 * theme that uses {@code ?new}, {@code ?api}, {@code ?eval} or {@code ?interpret} is refused before
 * it is run. One configuration per build; thread-safe once loaded.
 */
public final class Theme {
  static final String BUILT_IN = "/dev/kept/theme";
  private static final Pattern FORBIDDEN =
      Pattern.compile("\\?\\s*(new|api|eval|eval_json|interpret|has_api)\\b");

  private final Optional<Path> folder;
  private final Configuration config;

  private Theme(Optional<Path> folder, Configuration config) {
    this.folder = folder;
    this.config = config;
  }

  /** The built-in theme alone. */
  public static Theme builtIn() {
    try {
      return load(Optional.empty());
    } catch (ThemeException e) {
      throw new IllegalStateException("the built-in theme is broken: " + e.getMessage(), e);
    }
  }

  /**
   * Loads a theme.
   *
   * @param folder a company's theme folder, whose files override the built-in ones
   * @throws ThemeException when a template in the folder uses a forbidden built-in
   */
  public static Theme load(Optional<Path> folder) throws ThemeException {
    if (folder.isPresent()) {
      refuseUnsafe(folder.get());
    }
    Configuration config = new Configuration(Configuration.VERSION_2_3_34);
    List<TemplateLoader> loaders = new ArrayList<>();
    try {
      if (folder.isPresent()) {
        loaders.add(new FileTemplateLoader(folder.get().toFile(), false));
      }
    } catch (IOException e) {
      throw new ThemeException(
          List.of(finding(SourcePos.file(folder.get().toString()), "the theme folder cannot be read: " + e.getMessage(), "Check that --templates names a readable folder.")));
    }
    loaders.add(new ClassTemplateLoader(Theme.class, BUILT_IN));
    config.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
    config.setRecognizeStandardFileExtensions(true);
    config.setDefaultEncoding("UTF-8");
    config.setOutputEncoding("UTF-8");
    config.setLocale(Locale.ROOT);
    config.setTimeZone(TimeZone.getTimeZone("UTC"));
    config.setNumberFormat("computer");
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
    config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    config.setAPIBuiltinEnabled(false);
    config.setLocalizedLookup(false);
    DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    wrapper.setMemberAccessPolicy(new ViewRecordsOnly());
    wrapper.setExposeFields(false);
    // Record components read as properties: ${promise.title}, never ${promise.title()}.
    wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
        freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
    config.setObjectWrapper(new ViewWrapper(wrapper));
    return new Theme(folder, config);
  }

  /** A template by name, such as {@code promise.ftlh}. */
  Template template(String name) throws ThemeException {
    try {
      return config.getTemplate(name);
    } catch (TemplateNotFoundException e) {
      throw new ThemeException(List.of(finding(SourcePos.file(name), "the theme has no template '" + name + "'", "Name templates as the built-in theme does, in templates/.")));
    } catch (ParseException e) {
      throw new ThemeException(
          List.of(
              finding(
                  new SourcePos(shown(e.getTemplateName() == null ? name : e.getTemplateName()), Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber())),
                  "the template cannot be read: " + firstLine(e.getEditorMessage()),
                  "Check the FreeMarker syntax here: every <#if> and <#list> needs its closing tag.")));
    } catch (IOException e) {
      throw new ThemeException(List.of(finding(SourcePos.file(name), "the template cannot be read: " + e.getMessage(), "Check that the theme's files are readable.")));
    }
  }

  /** Turns a template's failure while rendering into a finding with its place. */
  ThemeException failure(TemplateException e) {
    int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
    int column = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
    String source = e.getTemplateSourceName() == null ? "template" : e.getTemplateSourceName();
    return new ThemeException(
        List.of(finding(
            new SourcePos(shown(source), line, column),
            "the template failed: " + firstLines(e.getMessageWithoutStackTop()).replaceAll("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+\\]", ""),
            "Templates read only the values Kept gives them, as the built-in theme in templates/ does:"
                + " no Java classes or methods, and no other files. Check the name used here.")));
  }

  /** The theme's words for a language: built-in, then the folder's, which win key by key. */
  TreeMap<String, String> words(String language) {
    Properties words = new Properties();
    String name = "i18n/" + language + ".properties";
    try (InputStream in = Theme.class.getResourceAsStream(BUILT_IN + "/" + name)) {
      if (in != null) {
        words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      if (folder.isPresent() && Files.isRegularFile(folder.get().resolve(name))) {
        try (InputStream own = Files.newInputStream(folder.get().resolve(name))) {
          words.load(new InputStreamReader(own, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TreeMap<String, String> map = new TreeMap<>();
    words.forEach((k, v) -> map.put(k.toString(), v.toString()));
    return map;
  }

  /** The names of every asset, the built-in ones and the folder's, sorted. */
  List<String> assets() {
    TreeSet<String> names = new TreeSet<>();
    try (InputStream in = Theme.class.getResourceAsStream(BUILT_IN + "/assets/index.txt")) {
      if (in != null) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .forEach(names::add);
      }
      if (folder.isPresent() && Files.isDirectory(folder.get().resolve("assets"))) {
        Path assets = folder.get().resolve("assets");
        try (Stream<Path> walk = Files.walk(assets)) {
          walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .map(p -> assets.relativize(p).toString().replace('\\', '/'))
              .filter(n -> !n.equals("index.txt") && !n.startsWith("."))
              .forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(names);
  }

  /** An asset's bytes: the folder's if it has it, else the built-in one. */
  InputStream asset(String name) throws IOException {
    if (folder.isPresent()) {
      Path own = folder.get().resolve("assets").resolve(name).normalize();
      if (own.startsWith(folder.get().resolve("assets")) && Files.isRegularFile(own, LinkOption.NOFOLLOW_LINKS)) {
        return Files.newInputStream(own);
      }
    }
    InputStream in = Theme.class.getResourceAsStream(BUILT_IN + "/assets/" + name);
    if (in == null) {
      throw new IOException("the theme has no asset " + name);
    }
    return in;
  }

  private String shown(String templateName) {
    if (folder.isPresent() && Files.exists(folder.get().resolve(templateName))) {
      return folder.get().resolve(templateName).toString();
    }
    return "templates/" + templateName;
  }

  /** Refuses templates that use built-ins able to reach Java or run text as a template. */
  /** What a theme's assets may be: styles, images and fonts. SVG images are checked as written. */
  static final List<String> ASSET_KINDS =
      List.of(".css", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".svg", ".woff", ".woff2", ".ttf", ".otf");

  private static void refuseUnsafe(Path folder) throws ThemeException {
    Findings findings = new Findings();
    if (!Files.isDirectory(folder)) {
      throw new ThemeException(List.of(finding(SourcePos.file(folder.toString()), "the theme folder does not exist", "Name an existing folder with --templates DIR.")));
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      Path assets = folder.resolve("assets");
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = p.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (p.startsWith(assets) && !name.equals("index.txt") && !name.startsWith(".")
            && ASSET_KINDS.stream().noneMatch(lower::endsWith)) {
          findings.error(
              SourcePos.file(p.toString()),
              "the theme's asset " + assets.relativize(p) + " is not a kind of file Kept publishes",
              "A theme's assets are styles, images and fonts: " + String.join(", ", ASSET_KINDS)
                  + ". A page a browser would open on its own, without the site's policy, is not"
                  + " allowed.");
          continue;
        }
        if (!(name.endsWith(".ftlh") || name.endsWith(".ftlx") || name.endsWith(".ftl"))) {
          continue;
        }
        String text = Files.readString(p, StandardCharsets.UTF_8);
        Matcher m = FORBIDDEN.matcher(text);
        while (m.find()) {
          findings.error(
              SourcePos.at(p.toString(), text, m.start()),
              "the theme uses ?" + m.group(1) + ", which Kept does not allow",
              "Templates show the words Kept gives them; they cannot create objects, reach Java or"
                  + " run text as a template.");
        }
      }
    } catch (IOException e) {
      findings.error(SourcePos.file(folder.toString()), "the theme folder cannot be read: " + e.getMessage());
    }
    if (findings.hasErrors()) {
      throw new ThemeException(findings.all());
    }
  }

  private static Finding finding(SourcePos pos, String message, String hint) {
    Findings f = new Findings();
    f.error(pos, message, hint);
    return f.all().get(0);
  }

  /** The first two lines of a FreeMarker message: what failed, and the expression it failed on. */
  private static String firstLines(String message) {
    if (message == null) {
      return "unknown problem";
    }
    List<String> lines =
        message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("----") && !l.startsWith("Tip:")).limit(2).toList();
    return lines.isEmpty() ? "unknown problem" : String.join(" ", lines);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    return message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("----")).findFirst().orElse("unknown problem");
  }

  /**
   * Templates may read the components of Kept's public view records and nothing else: no
   * constructors, no fields, no other method of any class.
   */
  private static final class ViewRecordsOnly implements MemberAccessPolicy {
    @Override
    public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
      boolean view = ViewWrapper.isView(contextClass);
      List<String> components =
          view
              ? Arrays.stream(contextClass.getRecordComponents()).map(c -> c.getName()).toList()
              : List.of();
      return new ClassMemberAccessPolicy() {
        @Override
        public boolean isMethodExposed(Method method) {
          return view && method.getParameterCount() == 0 && components.contains(method.getName());
        }

        @Override
        public boolean isConstructorExposed(Constructor<?> constructor) {
          return false;
        }

        @Override
        public boolean isFieldExposed(Field field) {
          return false;
        }
      };
    }

    @Override
    public boolean isToStringAlwaysExposed() {
      return true;
    }
  }
}
