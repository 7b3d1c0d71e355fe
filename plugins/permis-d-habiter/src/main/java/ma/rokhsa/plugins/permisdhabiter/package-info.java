/**
 * The permis d'habiter (occupancy permit for housing) of Moroccan urban-planning law, loi n° 12-90,
 * art. 55 to 58: its definition is data ({@code procedure.yaml}); code checks only the dates the
 * form's declared rules cannot compare (completion in the past and after the building permit, and
 * the lotissement's réception provisoire already held).
 */
package ma.rokhsa.plugins.permisdhabiter;
