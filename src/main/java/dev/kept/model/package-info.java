/**
 * The charter model: immutable records shared by every stage of the pipeline.
 *
 * <p>Stages never pass mutable state to each other; each one takes records from this package and
 * returns new ones. Every type here is non-null by default: a field that may be absent says so in
 * its Javadoc and is typed {@link java.util.Optional} or documented as nullable. Records check their
 * fields in their compact constructors and copy collections.
 */
package dev.kept.model;
