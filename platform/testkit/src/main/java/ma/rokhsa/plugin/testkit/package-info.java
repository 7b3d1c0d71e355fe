/**
 * Testkit for plugin authors: contract tests that any procedure plugin can run, and helpers to
 * exercise a plugin without a server. Depends only on the public plugin API and PF4J.
 */
package ma.rokhsa.plugin.testkit;
