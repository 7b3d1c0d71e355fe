/**
 * Test-only resources added to the real WAR in integration tests, to provoke what the platform
 * never does on purpose (an unexpected exception) and to exercise the request-body mappers.
 */
package ma.rokhsa.it.probe;
