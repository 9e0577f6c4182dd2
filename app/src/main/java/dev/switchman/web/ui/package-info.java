/**
 * The status page at {@code /}: server-rendered HTML (Qute templates under {@code templates/StatusPages}) for
 * people, beside the JSON status API it reads the same records as. An overview of every environment and one
 * page per environment, with inline SVG drawn on the server (the 24-hour run strip, the rollout timeline); the
 * few static files it needs ({@code /ui/*}: style sheet, a small polling script, icon) are served by the daemon
 * itself, so it works offline and in the native image.
 *
 * <p>Read-only: it never calls Railway (the API budget is for reconciling) and never acts. The page's script
 * sends the status API's own mutating requests only with a token the person typed into their browser. No
 * secret value reaches a page: everything shown is what the status API already shows (references, hashes,
 * field paths, messages written never to hold values).
 *
 * <p>May import Qute, Quarkus REST, Micrometer (to read the budget gauge), {@code javax.sql} (bulk reads for
 * the overview, one query for all environments instead of one per environment), and the config, desired (and
 * desired.diagnostic), railway (its status and settings only), reconcile (the loop's schedule), source (the
 * desired state in force), store and web packages; only cli imports it.
 */
package dev.switchman.web.ui;
