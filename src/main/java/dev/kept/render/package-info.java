/**
 * Stage 5, render: writes the explained charter as files. It computes nothing: every figure and
 * every word comes from the explain stage.
 *
 * <p>The public face is {@link dev.kept.render.DataRenderer}, which writes {@code charter.json},
 * its JSON Schema and one CSV of figures per promise, and {@link dev.kept.render.Output}, where
 * renderers write. Everything is non-null unless its Javadoc says otherwise.
 *
 * <p>The website is written by {@link dev.kept.render.SiteRenderer}, which only orders the work:
 * {@code Views} makes every view a template sees from the explained model, in one place; {@code
 * Feed}, {@code Crawlers} (sitemap and robots.txt), {@code Badges} and {@code GroupPages} each make
 * one kind of file. Nothing here imports the measure stage (a test checks it): a count or a verdict
 * the site shows, such as a group's tally or the promises missed in the latest period, is on the
 * explained model already.
 */
package dev.kept.render;
