package dev.kept.render;

import dev.kept.model.Placeholders;
import freemarker.core.MarkupOutputFormat;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateScalarModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The templates' {@code fill}: words with {@code {name}} placeholders filled by the one rule of
 * {@link Placeholders} (every placeholder needs a value; values are put in as they are), such as
 * {@code ${fill(t.published, {"date": site.published})}}.
 *
 * <p>Words given as text give text, which the page escapes as it prints it. Words given as markup
 * ({@code t.method_figure_html?no_esc}) give markup: each text value is escaped for the markup
 * before it is put in, and a markup value of the same kind is put in as it is. A value must be text
 * or markup: write a number as text with {@code ?c}. A missing value, or one of another kind, fails
 * the page with the template's place. Stateless and thread-safe.
 */
final class FillMethod implements TemplateMethodModelEx {
  /** The name templates call it by. */
  static final String NAME = "fill";

  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.isEmpty() || arguments.size() > 2) {
      throw new TemplateModelException(
          "fill takes the words and their values, such as fill(t.published, {\"date\": site.published}), not "
              + arguments.size() + " arguments");
    }
    Object words = arguments.get(0);
    MarkupOutputFormat<?> markup = null;
    String pattern;
    if (words instanceof TemplateMarkupOutputModel<?> m) {
      markup = m.getOutputFormat();
      pattern = markupString(m);
    } else if (words instanceof TemplateScalarModel s) {
      pattern = s.getAsString();
    } else {
      throw new TemplateModelException("fill's first argument must be words, such as t.published");
    }
    Map<String, String> values = new HashMap<>();
    if (arguments.size() == 2) {
      if (!(arguments.get(1) instanceof TemplateHashModelEx hash)) {
        throw new TemplateModelException("fill's second argument must be the values by name, such as {\"date\": site.published}");
      }
      TemplateModelIterator keys = hash.keys().iterator();
      while (keys.hasNext()) {
        String name = ((TemplateScalarModel) keys.next()).getAsString();
        values.put(name, value(name, hash.get(name), markup));
      }
    }
    String filled;
    try {
      filled = Placeholders.fill(pattern, values);
    } catch (Placeholders.MissingValue e) {
      throw new TemplateModelException("fill: " + e.getMessage());
    }
    return markup == null ? new SimpleScalar(filled) : markup.fromMarkup(filled);
  }

  private static String value(String name, TemplateModel value, MarkupOutputFormat<?> markup) throws TemplateModelException {
    if (value instanceof TemplateMarkupOutputModel<?> m) {
      if (markup == null || m.getOutputFormat() != markup) {
        throw new TemplateModelException(
            "fill: the value for {" + name + "} is markup, and the words are " + (markup == null ? "text" : "another kind of markup")
                + ": give the words as markup too (t.key?no_esc), or the value as text");
      }
      return markupString(m);
    }
    if (value instanceof TemplateScalarModel s) {
      String text = s.getAsString();
      return markup == null ? text : markup.escapePlainText(text);
    }
    throw new TemplateModelException(
        "fill: the value for {" + name + "} is not text: write a number as text with ?c, such as {\"" + name + "\": count?c}");
  }

  @SuppressWarnings("unchecked")
  private static <M extends TemplateMarkupOutputModel<M>> String markupString(TemplateMarkupOutputModel<?> model) throws TemplateModelException {
    M m = (M) model;
    return m.getOutputFormat().getMarkupString(m);
  }
}
