/**
 * The permis de construire (building permit) of Moroccan urban-planning law: its definition is data
 * ({@code procedure.yaml}); code decides only the small/large-project deadline and the
 * building-coverage rule.
 */
package ma.rokhsa.plugins.permisdeconstruire;
