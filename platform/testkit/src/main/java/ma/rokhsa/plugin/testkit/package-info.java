/**
 * Testkit for plugin authors: a contract test any procedure plugin extends ({@link
 * ma.rokhsa.plugin.testkit.ProcedureContract}) and a runner that exercises a procedure without a
 * server ({@link ma.rokhsa.plugin.testkit.ProcedureRunner}). Definitions are read by the same
 * reader as the platform's.
 */
package ma.rokhsa.plugin.testkit;
