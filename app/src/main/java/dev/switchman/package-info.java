/**
 * Switchman: reconciles Railway environments toward declarative YAML kept in git.
 */
package dev.switchman;
