/**
 * The live preview behind {@code kept serve}: builds the site, serves it on 127.0.0.1 only,
 * watches the charter and theme folders, rebuilds on every change and reloads open tabs.
 *
 * <p>The public face is {@link dev.kept.serve.Preview}. It runs the same pipeline as {@code kept
 * build}; the only difference on the page is a small reload script and a Content-Security-Policy
 * that lets it run, both added to responses, never to files on disk.
 */
package dev.kept.serve;
