package dev.kept.render.view;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A view value made only when a template first reads it, then kept: a promise page's rows as
 * records ({@link PromiseView#rows}) cost a page that does not list them nothing. A template reads
 * a lazy value as the value itself ({@code p.rows}); it never sees this class. Safe to read from
 * one thread at a time, as a page is rendered.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {
  private Supplier<? extends T> make;
  private T value;

  private Lazy(Supplier<? extends T> make) {
    this.make = make;
  }

  /** A value {@code make} makes when it is first read. */
  public static <T> Lazy<T> of(Supplier<? extends T> make) {
    return new Lazy<>(Objects.requireNonNull(make, "make"));
  }

  /** The value, made on the first call. */
  @Override
  public synchronized T get() {
    if (make != null) {
      value = Objects.requireNonNull(make.get(), "a lazy view value");
      make = null;
    }
    return value;
  }
}
