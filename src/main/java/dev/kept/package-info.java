/**
 * Kept: a static-site generator for public service-promise charters.
 *
 * <p>The build is a pipeline, run by {@link dev.kept.Pipeline}: {@code load → validate → measure →
 * explain → render → verify → publish}, one package per stage, with the immutable model in {@code
 * dev.kept.model} and the command line in {@code dev.kept.cli}. No stage calls an earlier one; each
 * takes the previous stage's records and returns its own. {@code check}, {@code build} and {@code
 * serve} run the same sequence ({@code Pipeline.run}); a {@link dev.kept.Memory} wraps the
 * stages from outside so that {@code serve} makes again only what a change touched.
 */
package dev.kept;
