/**
 * The autorisation d'occupation temporaire du domaine public communal (loi 57-19): its definition
 * is data ({@code procedure.yaml}, the monthly rates included); code multiplies the monthly
 * redevance by the duration, keeps a passage for pedestrians, and asks a terrace or a display for
 * the authorization of the shop it belongs to.
 */
package ma.rokhsa.plugins.occupationdomainepublic;
