package dev.kept.render.view;

/**
 * One Atom entry, dated from the data (the end of a period, a target's start, a retirement), never
 * from the clock.
 */
public record FeedEntry(String id, String title, String updated, String href, String summary) {}
