package dev.kept.render.view;

/**
 * A group of promises as listed on the index: its name, how many promises it holds, and how their
 * headlines came out, in words and in counts (met, missed, too few to tell, no result).
 *
 * @param href the group's page, relative to the site root ("groups/health-canada/")
 */
public record GroupView(
    String name, String href, String count, String met, String missed, String tooFew, String other, String sentence) {}
