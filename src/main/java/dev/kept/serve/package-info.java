/**
 * The live preview behind {@code kept serve}: serves a charter's site on 127.0.0.1 only, watches
 * the charter and theme folders, brings the charter up to date after every change and reloads open
 * tabs.
 *
 * <p>The public face is {@link dev.kept.serve.Preview}. It runs the same stages as {@code kept
 * build} through {@link dev.kept.Pipeline#serve}, which redoes only what a change touched and renders
 * each page in memory when it is asked for, with the same checks; nothing is written to disk. The
 * only difference on the page is a small reload script and a Content-Security-Policy that lets it
 * run, both added to responses.
 */
package dev.kept.serve;
