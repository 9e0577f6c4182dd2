/**
 * Where secret values come from at run time: a mounted secrets directory (Docker or Kubernetes
 * style, one file per secret) and the process environment. Implements
 * {@code dev.switchman.desired.Secrets}; imports desired only, nothing from Quarkus, HTTP or JDBC. Values are
 * never logged or put in exception messages.
 */
package dev.switchman.secrets;
