package dev.kept.model;

import java.util.function.Supplier;

/**
 * How a stage makes one piece of its work (one file read, one promise checked, measured or put
 * into words): at once, or from what an earlier run made, when a caller wraps the stages in a
 * cache. A stage names each piece by its step and slot, and says what the piece was made from; it
 * neither keeps nor compares anything itself.
 *
 * <pre>{@code
 * Part part = reuse.get("measure", promise.id(), promise, () -> part(promise));
 * }</pre>
 *
 * <p>An implementation may hand back what {@code make} gave before for the same step and slot
 * when {@code key} equals the key it was made from, and must otherwise call {@code make}. It is
 * called from several threads at once, for different slots.
 */
public interface Reuse {
  /** Makes every piece afresh: what a single build or check uses. */
  Reuse NONE =
      new Reuse() {
        @Override
        public <V> V get(String step, String slot, Object key, Supplier<V> make) {
          return make.get();
        }
      };

  /**
   * The piece of {@code step} for {@code slot}, made by {@code make} or reused.
   *
   * @param key what the piece is made from, compared by {@code equals}; {@code null} when the
   *     piece must be made afresh (a file that may change unseen)
   */
  <V> V get(String step, String slot, Object key, Supplier<V> make);

  /**
   * Whether pieces may be handed back in a later run. A piece that is kept may keep what it read
   * (a figures file's text) for that run; a piece made for one run only holds nothing it need not.
   */
  default boolean keeps() {
    return false;
  }
}
