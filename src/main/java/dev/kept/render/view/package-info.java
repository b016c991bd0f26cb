/**
 * What a theme's templates see: public records of ready-made words and markup, one per thing a page
 * shows. Nothing here computes; every value was produced by the explain stage, or rendered from
 * checked Markdown. Markup fields are FreeMarker's {@code TemplateHTMLOutputModel}, so templates
 * print them as trusted HTML without {@code ?no_esc}; every other string is escaped by FreeMarker's
 * HTML auto-escaping. Fields are never null: absent text is the empty string.
 */
package dev.kept.render.view;
