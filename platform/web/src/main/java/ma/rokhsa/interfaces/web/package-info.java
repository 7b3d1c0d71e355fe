/**
 * What the servlet container serves outside the REST API: error pages as problem details, and
 * response headers common to every page.
 */
package ma.rokhsa.interfaces.web;
