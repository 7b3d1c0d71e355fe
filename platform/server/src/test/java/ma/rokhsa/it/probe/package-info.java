/**
 * Test-only resources added to the real WAR in integration tests, to provoke what the platform
 * never does on purpose (an unexpected exception), to exercise the request-body mappers, and to
 * queue notifications inside transactions that commit or roll back.
 */
package ma.rokhsa.it.probe;
