/**
 * Stage 6, verify: checks the staged output before it is published.
 *
 * <p>The public face is {@link dev.kept.verify.Verifier}. A problem found here stops the publish so
 * that a broken site never replaces a good one. It is Kept's own fault, not the charter's, unless a
 * company's theme wrote it: then {@link dev.kept.verify.ThemeBlame} makes it a finding at the
 * theme's template.
 */
package dev.kept.verify;
