/**
 * {@code tenant-config/}: reads the territorial reference data and the YAML settings, resolves
 * inheritance (national → region → province → commune), and refuses a broken configuration whole
 * with the file, line and reason of each problem.
 */
package ma.rokhsa.infrastructure.tenantconfig;
