package ma.rokhsa.interfaces.rest.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.application.LegalTime;
import ma.rokhsa.application.SearchScopes;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.infrastructure.search.SearchRequest;
import ma.rokhsa.infrastructure.search.SearchScope;
import ma.rokhsa.infrastructure.search.node.SearchNode;
import ma.rokhsa.interfaces.rest.InvalidParameter;
import ma.rokhsa.interfaces.rest.ParameterRefused;
import ma.rokhsa.interfaces.rest.security.Allowed;
import ma.rokhsa.interfaces.rest.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Searching dossiers across the caller's territory (ADR 0020, ADR 0024). The scope comes from the
 * caller's roles ({@link SearchScopes}), never from a parameter: {@code tenant}, {@code province}
 * and {@code region} only narrow it, and one outside it gives an empty page, not an error.
 */
@Path("search")
@RequestScoped
@Tag(name = "Search")
@Allowed({
  Role.APPLICANT,
  Role.ARCHITECT,
  Role.GUICHET_AGENT,
  Role.COMMISSION_MEMBER,
  Role.SIGNATORY,
  Role.TENANT_ADMIN,
  Role.PROVINCIAL_SUPERVISOR,
  Role.REGIONAL_SUPERVISOR,
  Role.NATIONAL_ADMIN
})
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

  @Inject SearchNode search;
  @Inject LegalTime time;

  @GET
  @Operation(
      summary = "Search the dossiers the caller may see",
      description =
          "Agents search their tenants' deposited dossiers, supervisors their province or region,"
              + " the national admin every dossier, applicants and architects their own (drafts"
              + " included). q: names in Latin or Arabic script, CIN/ICE/RC, titre foncier,"
              + " reference, address, words. Filters (repeat or comma-separate): procedure, state,"
              + " phase, tenant, province, region; depositedFrom/To, dueFrom/To (YYYY-MM-DD);"
              + " overdue=true|false. sort: relevance (default), deposited, due. Pages of size"
              + " (1-100, default 20); the next page with cursor=<next>. 503 with Retry-After while"
              + " this node's index is being built.")
  public SearchResults search(
      @QueryParam("q") String q,
      @QueryParam("procedure") List<String> procedure,
      @QueryParam("state") List<String> state,
      @QueryParam("phase") List<String> phase,
      @QueryParam("tenant") List<String> tenant,
      @QueryParam("province") List<String> province,
      @QueryParam("region") List<String> region,
      @QueryParam("depositedFrom") String depositedFrom,
      @QueryParam("depositedTo") String depositedTo,
      @QueryParam("dueFrom") String dueFrom,
      @QueryParam("dueTo") String dueTo,
      @QueryParam("overdue") String overdue,
      @QueryParam("sort") String sort,
      @QueryParam("cursor") String cursor,
      @QueryParam("size") String size,
      @Context SecurityContext security) {
    Optional<SearchScope> scope = SearchScopes.of(CallerPrincipal.of(security));
    LocalDate today = time.today();
    SearchParameters.Raw raw =
        new SearchParameters.Raw(
            q,
            procedure,
            state,
            phase,
            tenant,
            province,
            region,
            depositedFrom,
            depositedTo,
            dueFrom,
            dueTo,
            overdue,
            sort,
            cursor,
            size);
    // Parameters are checked first, whoever asks: a bad one is 400 for everyone alike.
    SearchRequest request;
    try {
      request =
          SearchParameters.parse(
              raw, scope.orElse(new SearchScope.Tenants(java.util.Set.of())), today);
    } catch (ParameterRefused refused) {
      throw refused.toInvalidParameter();
    }
    if (scope.isEmpty()) {
      return SearchResults.none();
    }
    try {
      return SearchResults.of(search.search(request), today);
    } catch (IllegalArgumentException badCursor) {
      throw new InvalidParameter("cursor", "is not a cursor this search gave for this order");
    }
  }
}
