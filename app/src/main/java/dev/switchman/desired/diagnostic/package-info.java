/**
 * What the desired-state loader says about a file: a {@code Diagnostic} (severity, path in the merged model,
 * message) at a {@code SourceLocation} (file, line, column). The bottom of the desired-state packages, so the
 * YAML reader, the shape validator and the loader all report in the same words.
 *
 * <p>Imports nothing but the JDK.
 */
package dev.switchman.desired.diagnostic;
