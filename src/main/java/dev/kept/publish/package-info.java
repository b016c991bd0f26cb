/**
 * Stage 7, publish: makes a finished site visible all at once.
 *
 * <p>The public face is {@link dev.kept.publish.Publisher}. Renderers write into a staging folder
 * beside the output; only when the build is complete and verified does the staging folder replace
 * the output, by renames within one file system. A build that fails, or is killed, leaves the
 * previous output as it was. Everything is non-null unless its Javadoc says otherwise.
 */
package dev.kept.publish;
