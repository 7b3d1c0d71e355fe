/**
 * Procedures: what a plugin declares so that the platform can offer an authorization — its form,
 * documents, workflow, legal deadlines, fees and the authorization it delivers. Most of it is data
 * (a {@code procedure.yaml} in the plugin, read through {@link
 * ma.rokhsa.plugin.api.procedure.DefinitionLoader}); code is needed only for rules data cannot say.
 */
package ma.rokhsa.plugin.api.procedure;
