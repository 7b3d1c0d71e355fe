/** Load generators run against a live server by the scripts in {@code platform/server/bench/}. */
package ma.rokhsa.bench;
