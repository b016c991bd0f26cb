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
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A site theme: FreeMarker templates, words ({@code i18n/<lang>.properties}) and static assets
 * ({@code assets/}). A company's theme folder overrides the built-in theme file by file, in
 * subfolders too; whatever it does not provide falls back to the theme packaged in Kept's jar (the
 * repository's {@code templates/} folder). The built-in theme is layered: {@code layout.ftlh} is
 * the base every page shares, and each piece of a page (header, footer, card, verdict, dates,
 * chart, period table, download links...) is one small file in {@code partials/}, so a folder
 * holding only {@code partials/card.ftlh} changes the cards and nothing else.
 *
 * <p>Templates fill the words' {@code {name}} placeholders with {@code fill(t.key, {"name":
 * value})} ({@link FillMethod}), by the one rule of {@link dev.kept.model.Placeholders}: every
 * placeholder needs a value. A word the folder overrides may use only the placeholders Kept fills
 * for it (those of the built-in word of the same key); any other is a finding at its line when the
 * theme is loaded.
 *
 * <p>FreeMarker is locked down: HTML auto-escaping for {@code .ftlh} (XML for {@code .ftlx}), no
 * {@code ?new} or {@code ?api}, templates can read only the public view records' components (no
 * class, no other method), and any template error fails the build rather than reaching a page.
 * Every template of a theme folder, and every template any template includes or imports, is parsed
 * once when it is first needed and checked on its tree ({@link TemplateCheck}: no {@code ?eval},
 * {@code ?interpret} and the like, includes only of the theme's own templates, no include cycles,
 * no recursive macros) before any page is rendered; a page is rendered within bounds of size and
 * time ({@link #PAGE_CHARS}, {@link #PAGE_SECONDS}). Every problem is a {@link ThemeException}
 * with the template's file, line and column. One configuration per build; thread-safe once loaded.
 */
public final class Theme {
  static final String BUILT_IN = "/dev/kept/theme";

  private final Optional<Path> folder;
  private final Configuration config;
  private final java.util.Set<String> own;

  private Theme(Optional<Path> folder, Configuration config, List<String> own) {
    this.folder = folder;
    this.config = config;
    this.own = java.util.Set.copyOf(own);
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
    ThemeFolder.Walked own = new ThemeFolder.Walked(List.of(), List.of());
    if (folder.isPresent()) {
      own = ThemeFolder.walk(folder.get());
    }
    Configuration config = new Configuration(Configuration.VERSION_2_3_34);
    // Every template is parsed, checked and given its time checks once; never dropped or read again.
    config.setCacheStorage(new freemarker.cache.StrongCacheStorage());
    config.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
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
    // fill(t.key, {"name": value}): the one placeholder filler, as explain and render use it.
    config.setSharedVariable(FillMethod.NAME, new FillMethod());
    Theme theme = new Theme(folder, config, own.templates());
    theme.prepareAll(own);
    if (folder.isPresent()) {
      List<Finding> words = ThemeWords.problems(folder.get());
      if (!words.isEmpty()) {
        throw new ThemeException(words);
      }
    }
    return theme;
  }

  /** Whether the theme folder has its own template of this name, such as {@code partials/verdict.ftlh}. */
  boolean overrides(String name) {
    return own.contains(name);
  }

  /** A template by name, such as {@code promise.ftlh}, parsed and checked with all it includes. */
  Template template(String name) throws ThemeException {
    Template template = load(name);
    prepare(List.of(name));
    return template;
  }

  private Template load(String name) throws ThemeException {
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

  /** The most characters a page may have: far above the index of 10,000 promises. */
  static final int PAGE_CHARS = 32 * 1024 * 1024;

  /** The longest a page may take to render, in seconds. */
  static final long PAGE_SECONDS = 10;

  private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kept-template-watchdog");
        t.setDaemon(true);
        return t;
      });

  /**
   * Renders a page, bounded: a template that writes more than {@value #PAGE_CHARS} characters,
   * takes more than {@value #PAGE_SECONDS} seconds, recurses until the stack runs out, runs out of
   * memory or reaches outside the theme is a theme finding with its place, never a hang or a Kept
   * failure.
   */
  String render(Template template, Object model) throws ThemeException {
    PageWriter page = new PageWriter();
    freemarker.core.Environment env;
    try {
      env = template.createProcessingEnvironment(model, page);
    } catch (TemplateException e) {
      throw failure(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Watch watch = new Watch(Thread.currentThread(), env);
    java.util.concurrent.ScheduledFuture<?> timer =
        WATCHDOG.schedule(watch::fire, PAGE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    try {
      env.process();
    } catch (TemplateException e) {
      throw failure(e);
    } catch (PageTooLarge e) {
      throw bounded(e.where, template, "the template wrote more than " + PAGE_CHARS / (1024 * 1024) + " MiB for one page",
          "A loop that never ends, or one over a range far larger than Kept's lists? Loop over the values Kept gives.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (StackOverflowError e) {
      if (folder.isEmpty()) {
        throw e; // the built-in theme does not recurse: not a theme's doing
      }
      throw bounded(Optional.empty(), template, "the template called macros, functions or includes too deeply (one that calls itself without end?)",
          "A page's macros call one another a few levels deep at most: write repetition with <#list>.");
    } catch (OutOfMemoryError e) {
      if (folder.isEmpty()) {
        throw e; // the built-in theme builds no large value: the heap is too small for the charter
      }
      throw bounded(Optional.empty(), template, "the template ran out of memory while rendering a page (a value built by repetition?)",
          "Build text from the values Kept gives, with <#list>, not by adding a value to itself. If the"
              + " theme builds no such value, give Java more memory, e.g. java -Xmx1g -jar kept.jar.");
    } catch (SecurityException e) {
      throw bounded(Optional.empty(), template, "the template reached outside the theme folder",
          "A theme's files are its own: copy the file into the theme folder instead of linking to it.");
    } catch (RuntimeException e) {
      if (watch.fired()) {
        throw bounded(watch.where, template, "the template took more than " + PAGE_SECONDS + " seconds to render one page",
            "A loop over a range far larger than Kept's lists? Loop over the values Kept gives.");
      }
      throw e;
    } finally {
      timer.cancel(false);
      watch.done();
    }
    return page.toString();
  }

  private ThemeException bounded(Optional<freemarker.core.TemplateElement> where, Template page, String message, String hint) {
    SourcePos pos =
        where.map(e -> new SourcePos(shown(e.getTemplate() == null ? page.getName() : e.getTemplate().getName()), Math.max(0, e.getBeginLine()), Math.max(0, e.getBeginColumn())))
            .orElse(new SourcePos(shown(page.getName()), 1, 1));
    return new ThemeException(List.of(finding(pos, message, hint)));
  }

  /** Where a template is now: its innermost instruction, if FreeMarker can say. */
  private static Optional<freemarker.core.TemplateElement> where(freemarker.core.Environment env) {
    try {
      freemarker.core.TemplateElement[] stack = freemarker.core._CoreAPI.getInstructionStackSnapshot(env);
      // The innermost loop, when there is one: where a page that never ends turns.
      for (freemarker.core.TemplateElement e = stack.length == 0 ? null : stack[0]; e != null;
          e = freemarker.core._CoreAPI.getParentElement(e)) {
        String what = e.getDescription();
        if (what.startsWith("#list") || what.startsWith("#items") || what.startsWith("#foreach")) {
          return Optional.of(e);
        }
      }
      return stack.length == 0 ? Optional.empty() : Optional.ofNullable(stack[0]);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A page too large: thrown by {@link PageWriter}, with the instruction that wrote past the bound. */
  private static final class PageTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Optional<freemarker.core.TemplateElement> where;

    PageTooLarge(Optional<freemarker.core.TemplateElement> where) {
      super("page too large", null);
      this.where = where;
    }
  }

  /** A page in memory, of at most {@value #PAGE_CHARS} characters. */
  private static final class PageWriter extends java.io.Writer {
    private final StringBuilder page = new StringBuilder(64 * 1024);

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
      room(len);
      page.append(chars, off, len);
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
      room(len);
      page.append(text, off, off + len);
    }

    @Override
    public void write(int c) throws IOException {
      room(1);
      page.append((char) c);
    }

    private void room(int len) throws PageTooLarge {
      if (page.length() + (long) len > PAGE_CHARS) {
        throw new PageTooLarge(where(freemarker.core.Environment.getCurrentEnvironment()));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return page.toString();
    }
  }

  /** Interrupts a page's rendering when its time is up, noting where the template was. */
  private static final class Watch {
    private final Thread thread;
    private final freemarker.core.Environment env;
    private boolean done;
    private boolean fired;
    private Optional<freemarker.core.TemplateElement> where = Optional.empty();

    Watch(Thread thread, freemarker.core.Environment env) {
      this.thread = thread;
      this.env = env;
    }

    synchronized void fire() {
      if (!done) {
        fired = true;
        where = where(env);
        thread.interrupt();
      }
    }

    synchronized boolean fired() {
      return fired;
    }

    /** The page is over: the interrupt, if it came, is cleared so it reaches nothing else. */
    synchronized void done() {
      done = true;
      if (fired) {
        Thread.interrupted();
      }
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
    return ThemeWords.read(folder, language);
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

  // ---- The templates' trees: checked once each, with every file they include. ----

  private final java.util.Set<String> prepared = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.Map<String, SourcePos> macros = new java.util.HashMap<>();
  private final java.util.Map<String, List<TemplateCheck.Call>> calls = new java.util.HashMap<>();
  private final java.util.Map<String, List<Include>> includes = new java.util.HashMap<>();

  /** An include of one template by another, resolved. */
  private record Include(SourcePos pos, String target) {}

  /** Parses and checks every template of the folder, and what they include. */
  private void prepareAll(ThemeFolder.Walked own) throws ThemeException {
    List<Finding> all = new ArrayList<>();
    try {
      prepare(own.templates());
    } catch (ThemeException e) {
      all.addAll(e.findings());
    }
    all.addAll(own.links());
    if (!all.isEmpty()) {
      throw new ThemeException(all);
    }
  }

  /**
   * Parses and checks the named templates and every template they include or import, each once:
   * their trees ({@link TemplateCheck}), the names they include, include cycles and macros that
   * call themselves. Each template is given FreeMarker's checks for a page that takes too long.
   */
  private void prepare(List<String> names) throws ThemeException {
    if (prepared.containsAll(names)) {
      return;
    }
    synchronized (prepared) {
      Findings findings = new Findings();
      java.util.ArrayDeque<String> work = new java.util.ArrayDeque<>(names);
      List<String> added = new ArrayList<>();
      while (!work.isEmpty()) {
        String name = work.poll();
        if (prepared.contains(name)) {
          continue;
        }
        Template template;
        try {
          template = load(name);
        } catch (ThemeException e) {
          findings.addAll(e.findings());
          prepared.add(name);
          continue;
        }
        prepared.add(name);
        added.add(name);
        TemplateCheck.Result tree = TemplateCheck.of(template, shown(name));
        for (TemplateCheck.Problem p : tree.problems()) {
          findings.error(p.pos(), p.message(), p.hint());
        }
        tree.macros().forEach(macros::putIfAbsent);
        for (TemplateCheck.Call c : tree.calls()) {
          calls.computeIfAbsent(c.from(), k -> new ArrayList<>()).add(c);
        }
        List<Include> mine = new ArrayList<>();
        for (TemplateCheck.Reference r : tree.references()) {
          Optional<String> target = referenced(r, name, findings);
          if (target.isPresent()) {
            if (r.include()) {
              mine.add(new Include(r.pos(), target.get()));
            }
            work.add(target.get());
          }
        }
        includes.put(name, mine);
        freemarker.core._CoreAPI.addThreadInterruptedChecks(template);
      }
      includeCycles(added, findings);
      recursion(findings);
      if (findings.hasErrors()) {
        throw new ThemeException(findings.all());
      }
    }
  }

  /** The template an include or import names, when it is one the theme may include. */
  private Optional<String> referenced(TemplateCheck.Reference r, String from, Findings findings) {
    String what = r.include() ? "includes" : "imports";
    Optional<String> resolved = resolve(from, r.name());
    if (resolved.isEmpty()) {
      findings.error(r.pos(), "the template " + what + " \"" + r.name() + "\", a name outside the theme",
          "Name a template of the theme, relative to this one or from the theme's top, such as \"parts/footer.ftlh\".");
      return Optional.empty();
    }
    String name = resolved.get();
    if (!ThemeFolder.isTemplate(name)) {
      findings.error(r.pos(), "the template " + what + " \"" + r.name() + "\", which is not a template",
          "A template includes only templates (.ftlh, .ftlx, .ftl) of the theme.");
      return Optional.empty();
    }
    boolean builtIn = Theme.class.getResource(BUILT_IN + "/" + name) != null;
    if (folder.isPresent()) {
      Path file = folder.get().resolve(name);
      if (Files.isSymbolicLink(file) || Files.exists(file)) {
        Optional<Path> real = ThemeFolder.realPath(file);
        Optional<Path> root = ThemeFolder.realPath(folder.get());
        if (real.isEmpty() || root.isEmpty() || !real.get().startsWith(root.get())) {
          findings.error(r.pos(), "the template " + what + " \"" + r.name() + "\", a link to a file outside the theme folder",
              "A theme's files are its own: copy the file into the theme folder instead of linking to it.");
          return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
          findings.error(r.pos(), "the template " + what + " \"" + r.name() + "\", which is not a file",
              "Name a template file of the theme.");
          return Optional.empty();
        }
        return Optional.of(name);
      }
    }
    if (!builtIn) {
      findings.error(r.pos(), "the template " + what + " \"" + r.name() + "\", which the theme does not have",
          "Check the name: it is relative to this template's folder, or to the theme's top when it starts with /.");
      return Optional.empty();
    }
    return Optional.of(name);
  }

  /** A name an include gives, resolved as FreeMarker does, inside the theme; empty if it leaves it. */
  static Optional<String> resolve(String from, String name) {
    if (name.isEmpty() || name.contains("\\") || name.contains(":") || name.contains("*") || name.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    String base = name.startsWith("/") || !from.contains("/") ? "" : from.substring(0, from.lastIndexOf('/') + 1);
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String part : (base + name).split("/")) {
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.addLast(part);
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
  }

  /** Includes that lead back to a template they came from (FreeMarker would include for ever). */
  private void includeCycles(List<String> added, Findings findings) {
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (String start : added) {
      java.util.ArrayDeque<List<Include>> paths = new java.util.ArrayDeque<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Include i : includes.getOrDefault(start, List.of())) {
        paths.add(List.of(i));
      }
      while (!paths.isEmpty()) {
        List<Include> path = paths.poll();
        Include last = path.get(path.size() - 1);
        if (last.target().equals(start)) {
          if (reported.add(path.get(0).pos().toString())) {
            findings.error(path.get(0).pos(),
                "the template includes itself" + (path.size() > 1 ? ", through " + String.join(", ", path.stream().skip(1).map(i -> i.pos().file()).toList()) : ""),
                "Include a template only from templates it does not include; put what both need in a third file.");
          }
          continue;
        }
        if (!seen.add(last.target())) {
          continue;
        }
        for (Include next : includes.getOrDefault(last.target(), List.of())) {
          List<Include> longer = new ArrayList<>(path);
          longer.add(next);
          paths.add(longer);
        }
      }
    }
  }

  /** Macros and functions that call themselves, directly or through others. */
  private void recursion(Findings findings) {
    for (String macro : new java.util.TreeSet<>(macros.keySet())) {
      java.util.ArrayDeque<List<TemplateCheck.Call>> paths = new java.util.ArrayDeque<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (TemplateCheck.Call c : calls.getOrDefault(macro, List.of())) {
        paths.add(List.of(c));
      }
      while (!paths.isEmpty()) {
        List<TemplateCheck.Call> path = paths.poll();
        TemplateCheck.Call last = path.get(path.size() - 1);
        if (last.to().equals(macro)) {
          findings.error(path.get(0).pos(),
              "the macro or function " + macro + " calls itself" + (path.size() > 1 ? " through " + String.join(", ", path.stream().map(TemplateCheck.Call::to).limit(path.size() - 1).toList()) : "")
                  + ", which Kept does not allow",
              "Kept's values are lists, never trees: write the repetition with <#list>, so that a"
                  + " page always ends.");
          break;
        }
        if (!macros.containsKey(last.to()) || !seen.add(last.to())) {
          continue;
        }
        for (TemplateCheck.Call next : calls.getOrDefault(last.to(), List.of())) {
          List<TemplateCheck.Call> longer = new ArrayList<>(path);
          longer.add(next);
          paths.add(longer);
        }
      }
    }
  }

  static Finding finding(SourcePos pos, String message, String hint) {
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
