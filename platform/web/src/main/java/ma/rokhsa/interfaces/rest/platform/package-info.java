/** What the platform says about itself over the API: its version and installation. */
package ma.rokhsa.interfaces.rest.platform;
