/**
 * The one place that takes secret values out of text bound for logs, notifications, the status API
 * and error messages: {@link dev.switchman.redaction.Redactor}.
 *
 * <p>Imports nothing but the JDK, so every other package may use it.
 */
package dev.switchman.redaction;
