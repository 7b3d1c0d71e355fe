/**
 * Tenants: the regions, prefectures and provinces, communes, arrondissements and decentralized
 * services that use the platform, their place in Morocco's territorial division and their rollout.
 */
package ma.rokhsa.domain.model.tenant;
