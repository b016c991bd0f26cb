package dev.kept.render;

import dev.kept.model.SourcePos;
import freemarker.core.Macro;
import freemarker.core.TemplateElement;
import freemarker.core.TemplateObject;
import freemarker.template.Template;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a parsed template's tree, as FreeMarker parsed it (comments, spacing and spelling no
 * longer matter), and lists what Kept does not allow in a theme:
 *
 * <ul>
 *   <li>built-ins that reach Java or run text as a template: {@code ?new}, {@code ?api}, {@code
 *       ?has_api}, {@code ?eval}, {@code ?eval_json}, {@code ?interpret}, and {@code
 *       ?absolute_template_name}, in either spelling (snake_case or camelCase);
 *   <li>the special variables {@code .vars} and {@code .get_optional_template}, which read
 *       variables or load templates by a name computed while rendering;
 *   <li>an {@code <#include>} or {@code <#import>} whose name is not a literal string naming a
 *       template ({@code .ftlh}, {@code .ftlx}, {@code .ftl}) inside the theme, or that has other
 *       options;
 *   <li>macros and functions that call themselves, directly or through others (the check in {@link
 *       Theme} puts them together across a template and the files it includes).
 * </ul>
 *
 * <p>FreeMarker's configuration turns off {@code ?new} and {@code ?api} on its own, but has no
 * switch for the others, so this check is what refuses them. It reads the tree through {@link
 * TemplateElement}'s public children and the parameters every {@link TemplateObject} describes
 * itself by (a FreeMarker method that is not public, reached by reflection: Kept's jar holds its
 * own FreeMarker on the class path). Thread-safe: stateless.
 */
final class TemplateCheck {
  /** Built-ins refused, spelt without underscores and in lower case. */
  static final Set<String> BUILT_INS =
      Set.of("new", "api", "hasapi", "eval", "evaljson", "interpret", "absolutetemplatename");

  /** Special variables refused, spelt as {@link #BUILT_INS}. */
  static final Set<String> SPECIAL_VARIABLES = Set.of("vars", "getoptionaltemplate");

  /** The template kinds a theme may include. */
  static final List<String> TEMPLATE_KINDS = List.of(".ftlh", ".ftlx", ".ftl");

  /** A problem with its place in a template. */
  record Problem(SourcePos pos, String message, String hint) {}

  /** An {@code <#include>} or {@code <#import>} with its literal name, as written. */
  record Reference(SourcePos pos, String name, boolean include) {}

  /** A call, inside a macro or function, of another macro or function by its plain name. */
  record Call(SourcePos pos, String from, String to) {}

  /** What one template holds that the theme's checks need. */
  record Result(List<Problem> problems, List<Reference> references, Map<String, SourcePos> macros, List<Call> calls) {}

  private static final Method PARAMETER_COUNT;
  private static final Method PARAMETER_VALUE;
  private static final Class<?> BUILT_IN;
  private static final Class<?> BUILT_IN_VARIABLE;
  private static final Class<?> INCLUDE;
  private static final Class<?> LIBRARY_LOAD;
  private static final Class<?> UNIFIED_CALL;
  private static final Class<?> METHOD_CALL;
  private static final Class<?> IDENTIFIER;
  private static final Class<?> STRING_LITERAL;

  static {
    try {
      PARAMETER_COUNT = TemplateObject.class.getDeclaredMethod("getParameterCount");
      PARAMETER_VALUE = TemplateObject.class.getDeclaredMethod("getParameterValue", int.class);
      PARAMETER_COUNT.setAccessible(true);
      PARAMETER_VALUE.setAccessible(true);
      BUILT_IN = Class.forName("freemarker.core.BuiltIn");
      BUILT_IN_VARIABLE = Class.forName("freemarker.core.BuiltinVariable");
      INCLUDE = Class.forName("freemarker.core.Include");
      LIBRARY_LOAD = Class.forName("freemarker.core.LibraryLoad");
      UNIFIED_CALL = Class.forName("freemarker.core.UnifiedCall");
      METHOD_CALL = Class.forName("freemarker.core.MethodCall");
      IDENTIFIER = Class.forName("freemarker.core.Identifier");
      STRING_LITERAL = Class.forName("freemarker.core.StringLiteral");
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String shownName;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Reference> references = new ArrayList<>();
  private final Map<String, SourcePos> macros = new java.util.TreeMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final Map<Object, Boolean> seen = new IdentityHashMap<>();

  private TemplateCheck(String shownName) {
    this.shownName = shownName;
  }

  /**
   * Reads a template's tree.
   *
   * @param shownName the template's file as messages show it
   */
  static Result of(Template template, String shownName) {
    TemplateCheck check = new TemplateCheck(shownName);
    check.visit(template.getRootTreeNode(), null);
    return new Result(List.copyOf(check.problems), List.copyOf(check.references), Map.copyOf(check.macros), List.copyOf(check.calls));
  }

  private void visit(Object node, String macro) {
    if (node == null || seen.put(node, Boolean.TRUE) != null) {
      return;
    }
    if (node instanceof Collection<?> many) {
      for (Object one : many) {
        visit(one, macro);
      }
      return;
    }
    if (node instanceof Object[] many) {
      for (Object one : many) {
        visit(one, macro);
      }
      return;
    }
    if (!(node instanceof TemplateObject object)) {
      return;
    }
    String inMacro = macro;
    if (node instanceof Macro m) {
      macros.putIfAbsent(m.getName(), pos(object));
      inMacro = m.getName();
    }
    examine(object, inMacro);
    int count = parameterCount(object);
    for (int i = 0; i < count; i++) {
      visit(parameter(object, i), inMacro);
    }
    if (node instanceof TemplateElement element) {
      for (int i = 0; i < element.getChildCount(); i++) {
        visit(element.getChildAt(i), inMacro);
      }
    }
  }

  private void examine(TemplateObject object, String macro) {
    if (BUILT_IN.isInstance(object)) {
      Object key = parameter(object, 1);
      if (key instanceof String name && BUILT_INS.contains(normal(name))) {
        // At the built-in's name, wherever it is: comments may stand between it and its "?".
        SourcePos at =
            object.getEndColumn() >= name.length()
                ? new SourcePos(shownName, object.getEndLine(), object.getEndColumn() - name.length() + 1)
                : pos(object);
        problems.add(new Problem(
            at,
            "the theme uses ?" + name + ", which Kept does not allow",
            "Templates show the words Kept gives them; they cannot create objects, reach Java or"
                + " run text as a template."));
      }
    } else if (BUILT_IN_VARIABLE.isInstance(object)) {
      String name = object.getCanonicalForm().replaceFirst("^\\.", "");
      if (SPECIAL_VARIABLES.contains(normal(name))) {
        problems.add(new Problem(
            pos(object),
            "the theme uses ." + name + ", which Kept does not allow",
            "Name each value and each template as written: a template cannot look them up by a"
                + " name made while it runs."));
      }
    } else if (INCLUDE.isInstance(object) || LIBRARY_LOAD.isInstance(object)) {
      reference(object, INCLUDE.isInstance(object));
    } else if (macro != null && (UNIFIED_CALL.isInstance(object) || METHOD_CALL.isInstance(object))) {
      Object callee = parameter(object, 0);
      if (IDENTIFIER.isInstance(callee)) {
        calls.add(new Call(pos(object), macro, ((TemplateObject) callee).getCanonicalForm()));
      }
    }
  }

  private void reference(TemplateObject directive, boolean include) {
    String what = include ? "<#include>" : "<#import>";
    Object name = parameter(directive, 0);
    int options = 0;
    for (int i = 1; i < parameterCount(directive); i++) {
      Object value = parameter(directive, i);
      if (value != null && !(include ? false : value instanceof String)) {
        options++;
      }
    }
    String literal = name instanceof TemplateObject n && STRING_LITERAL.isInstance(n) ? n.getCanonicalForm() : "";
    if (literal.length() < 2 || literal.contains("${") || literal.contains("#{") || !(literal.startsWith("\"") || literal.startsWith("'"))) {
      problems.add(new Problem(
          pos(directive),
          "the theme's " + what + " names its template by a value, which Kept does not allow",
          "Name the template as a string, such as <#include \"parts/footer.ftlh\">."));
      return;
    }
    if (options > 0) {
      problems.add(new Problem(
          pos(directive),
          "the theme's " + what + " has options, which Kept does not allow",
          "Write it with the template's name alone, such as <#include \"parts/footer.ftlh\">."));
      return;
    }
    references.add(new Reference(pos(directive), literal.substring(1, literal.length() - 1), include));
  }

  private SourcePos pos(TemplateObject object) {
    return new SourcePos(shownName, Math.max(0, object.getBeginLine()), Math.max(0, object.getBeginColumn()));
  }

  static String normal(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static int parameterCount(TemplateObject object) {
    try {
      return (Integer) PARAMETER_COUNT.invoke(object);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return 0;
    }
  }

  private static Object parameter(TemplateObject object, int i) {
    try {
      return PARAMETER_VALUE.invoke(object, i);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
