/**
 * Signs plugin zips with a detached CMS signature, for the build's shipped plugins and for vendors.
 */
package ma.rokhsa.tools.pluginsigner;
