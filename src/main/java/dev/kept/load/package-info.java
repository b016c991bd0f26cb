/**
 * Stage 1, load: reads a charter folder into positioned trees, treating every byte as untrusted.
 *
 * <p>The public face is {@link dev.kept.load.CharterLoader#load} and the tree types it returns
 * ({@link dev.kept.load.YNode}, {@link dev.kept.load.CsvTable}, {@link dev.kept.load.RawCharter}).
 * Loading never builds Java objects from YAML tags: YAML is composed to nodes and every scalar is
 * kept as text with its line and column, for the validate stage to type. Limits (file size, nesting,
 * aliases, file counts) are in {@link dev.kept.load.Limits}. Everything is non-null unless its
 * Javadoc says otherwise.
 */
package dev.kept.load;
