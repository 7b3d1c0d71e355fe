/**
 * An example procedure plugin for Rokhsa, written as a vendor would, outside the Rokhsa repository:
 * the autorisation d'installation d'une enseigne, its definition as data and one rule in code.
 */
package ma.exemple.enseigne;
