package dev.kept.render.view;

/** An exclusion reason (H12): its code, what it means, and (in a table row) how many cases. */
public record Reason(String code, String description, String count) {}
