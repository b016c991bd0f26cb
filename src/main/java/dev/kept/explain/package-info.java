/**
 * Stage 4, explain: puts every measured figure into words in the charter's language.
 *
 * <p>The public face is {@link dev.kept.explain.Explainer} (the whole charter) and {@link
 * dev.kept.explain.Numbers} (H4, H5, H6: counts, rates and ranges as text). Every word a reader sees
 * comes from a language resource, {@code dev/kept/explain/<language>.properties}, so a second
 * language is a second file. Rounding and number formatting live only in {@link
 * dev.kept.explain.Numbers}, with symbols fixed by the language, never by the machine's locale.
 * Everything is non-null unless its Javadoc says otherwise.
 */
package dev.kept.explain;
