/**
 * A second example procedure of the same plugin: the autorisation de tournage, which uses the
 * format's conditional consultation, choice labels and lists in the template, and fees per day and
 * per place.
 */
package ma.exemple.tournage;
