/**
 * The installation: the identity of one Rokhsa deployment, shared by every node that serves it.
 * Created once, on the first start against an empty database.
 */
package ma.rokhsa.domain.model.installation;
