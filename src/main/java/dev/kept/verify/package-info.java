/**
 * Stage 6, verify: checks the staged output before it is published.
 *
 * <p>The public face is {@link dev.kept.verify.Verifier}. A problem found here is Kept's own fault,
 * not the charter's: it stops the publish so that a broken site never replaces a good one.
 */
package dev.kept.verify;
