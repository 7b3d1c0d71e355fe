/**
 * The permis de démolir (demolition permit) of Moroccan urban-planning law, loi n° 12-90, art. 63-1
 * (introduced by loi n° 66-12), and décret n° 2-18-475: its definition is data ({@code
 * procedure.yaml}); code decides only when a demolition study is required and that a partial
 * demolition stays within the existing building.
 */
package ma.rokhsa.plugins.permisdedemolir;
