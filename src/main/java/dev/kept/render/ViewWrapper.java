package dev.kept.render;

import dev.kept.render.view.Lazy;
import freemarker.ext.beans.BeansWrapperConfiguration;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands the view records of {@code dev.kept.render.view} to templates: each record reads as a hash
 * of its components ({@code ${row.figure}}), and nothing else of it is reachable, no method, field or
 * constructor. Texts and booleans are wrapped directly, a {@link Lazy} value as the value it makes
 * when first read; everything else goes to FreeMarker's default wrapper, under the theme's
 * member-access policy.
 *
 * <p>Why not FreeMarker's bean wrapper for the records too: a promise page reads some 3,000 values
 * (a table of 120 periods with 20-odd cells each), and the bean wrapper's general path, with its
 * introspection lookups and its chain of type tests for every value, was the single largest cost of
 * rendering a page in profiles of large charters. This reads a component with one map lookup and one
 * accessor call. Thread-safe: the accessor tables are built once per record class.
 */
final class ViewWrapper extends DefaultObjectWrapper {
  static final String VIEW_PACKAGE = "dev.kept.render.view";

  /** The components of each view record class, by name; {@code null} for any other class. */
  private static final ClassValue<Map<String, Method>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          if (!isView(type)) {
            return null;
          }
          Map<String, Method> accessors = new HashMap<>();
          for (RecordComponent c : type.getRecordComponents()) {
            Method accessor = c.getAccessor();
            // A public accessor of a public record: no access check is needed on each call.
            accessor.setAccessible(true);
            accessors.put(c.getName(), accessor);
          }
          return Map.copyOf(accessors);
        }
      };

  ViewWrapper(BeansWrapperConfiguration configuration) {
    super(configuration, true);
  }

  /** Whether a value is one of the view records that templates read as hashes. */
  static boolean isView(Class<?> type) {
    return type.isRecord() && type.getPackageName().equals(VIEW_PACKAGE);
  }

  @Override
  public TemplateModel wrap(Object value) throws TemplateModelException {
    if (value instanceof String text) {
      return new SimpleScalar(text);
    }
    if (value instanceof Boolean b) {
      return b ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
    }
    if (value instanceof Lazy<?> lazy) {
      // Made when first read: the template sees the value, never the holder.
      return wrap(lazy.get());
    }
    if (value instanceof Record record) {
      // Class.isRecord is a call into the VM: ask it once per class, not once per value.
      Map<String, Method> components = COMPONENTS.get(record.getClass());
      if (components != null) {
        return new ViewModel(record, components, this);
      }
    }
    return super.wrap(value);
  }

  /** One view record as a read-only hash of its components. */
  private static final class ViewModel implements TemplateHashModel, AdapterTemplateModel {
    private final Record record;
    private final Map<String, Method> components;
    private final ViewWrapper wrapper;

    ViewModel(Record record, Map<String, Method> components, ViewWrapper wrapper) {
      this.record = record;
      this.components = components;
      this.wrapper = wrapper;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
      Method accessor = components.get(key);
      if (accessor == null) {
        return null; // not a component: undefined, as for any missing value
      }
      try {
        return wrapper.wrap(accessor.invoke(record));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new TemplateModelException("cannot read " + key + " of " + record.getClass().getSimpleName(), e);
      }
    }

    @Override
    public boolean isEmpty() {
      return false;
    }

    @Override
    public Object getAdaptedObject(Class<?> hint) {
      return record;
    }
  }
}
