/**
 * The editor schemas of a charter's YAML files, read from the jar: {@link dev.kept.schema.Schemas}.
 * Depends on nothing else in Kept.
 */
package dev.kept.schema;
