package dev.kept.render.view;

/** A worked example for the method page: one real figure from this charter and its sentence. */
public record Example(String label, String promise, String href, String sentence) {}
