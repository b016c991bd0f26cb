/**
 * Stage 5, render: writes the explained charter as files. It computes nothing: every figure and
 * every word comes from the explain stage.
 *
 * <p>The public face is {@link dev.kept.render.DataRenderer}, which writes {@code charter.json},
 * its JSON Schema and one CSV of figures per promise, and {@link dev.kept.render.Output}, where
 * renderers write. Everything is non-null unless its Javadoc says otherwise.
 */
package dev.kept.render;
