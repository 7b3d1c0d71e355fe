package ma.rokhsa.interfaces.rest.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.infrastructure.search.node.Reindex;
import ma.rokhsa.infrastructure.search.node.SearchNode;
import ma.rokhsa.interfaces.rest.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * This node's search index, for the national admin: its state, and a rebuild from the database with
 * its progress. Each node keeps its own index (ADR 0020): these answer for the node that serves the
 * request.
 */
@Path("admin/search")
@RequestScoped
@Tag(name = "Administration")
@Allowed(Role.NATIONAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SearchAdminResource {

  @Inject SearchNode search;
  @Context UriInfo uri;

  /**
   * The index of this node.
   *
   * @param ready whether it answers searches
   * @param indexed dossiers in the index
   * @param inDatabase dossiers in the database
   * @param changeCursor the change log's high-water mark this node has applied
   * @param pendingGaps changes below it not seen yet (transactions in flight)
   * @param reindex the last rebuild, if any since the node started
   * @param changeLog the change log shared by every node: rows kept, purge horizon, nodes
   */
  public record IndexStatus(
      boolean ready,
      long indexed,
      long inDatabase,
      long changeCursor,
      int pendingGaps,
      ReindexJob reindex,
      ChangeLog changeLog) {}

  /**
   * The change log every node applies (ADR 0027).
   *
   * @param rows rows still in the log
   * @param purgedThrough every change at or below this number has been applied by every live node
   *     and purged
   * @param liveNodes nodes that reported their cursor within the node expiry
   * @param slowestNode the lowest cursor among them: the log is kept above it
   */
  public record ChangeLog(long rows, long purgedThrough, int liveNodes, long slowestNode) {}

  /**
   * A rebuild of the index from the database.
   *
   * @param status RUNNING, DONE or FAILED
   * @param reason missing, corrupt or incomplete (found at start) or admin
   * @param done dossiers indexed so far
   * @param total dossiers in the database when it started
   * @param ratePerSecond dossiers per second so far
   * @param etaSeconds the seconds left at that rate, null when unknown or finished
   */
  public record ReindexJob(
      String id,
      String status,
      String reason,
      Instant startedAt,
      Instant finishedAt,
      long done,
      long total,
      double ratePerSecond,
      Long etaSeconds,
      String failure) {

    static ReindexJob of(Reindex r) {
      return new ReindexJob(
          r.id(),
          r.running() ? "RUNNING" : r.failure().isPresent() ? "FAILED" : "DONE",
          r.reason(),
          r.startedAt(),
          r.finishedAt().orElse(null),
          r.done(),
          r.total(),
          Math.round(r.rate() * 10) / 10.0,
          r.eta().map(Duration::toSeconds).orElse(null),
          r.failure().orElse(null));
    }
  }

  @GET
  @Operation(summary = "This node's search index: ready, dossiers indexed and in the database")
  public IndexStatus status() {
    SearchNode.Status s = search.status();
    return new IndexStatus(
        s.ready(),
        s.indexed(),
        s.inDatabase(),
        s.highWater(),
        s.gaps(),
        search.lastReindex().map(ReindexJob::of).orElse(null),
        s.changeLog()
            .map(l -> new ChangeLog(l.rows(), l.purgedThrough(), l.liveNodes(), l.minLowWater()))
            .orElse(null));
  }

  @POST
  @Path("reindex")
  @Operation(
      summary = "Rebuild this node's index from the database",
      description =
          "Starts a rebuild (202, Location of the job); search keeps answering meanwhile. A"
              + " rebuild already running is returned as it is.")
  public Response reindex() {
    ReindexJob job = ReindexJob.of(search.reindex());
    return Response.accepted(job)
        .location(uri.getAbsolutePathBuilder().path(job.id()).build())
        .build();
  }

  @GET
  @Path("reindex/{id}")
  @Operation(summary = "A rebuild's progress: done/total, rate, estimated time left")
  public ReindexJob job(@PathParam("id") String id) {
    return search
        .lastReindex()
        .filter(r -> r.id().equals(id))
        .map(ReindexJob::of)
        .orElseThrow(() -> new NotFound("no such reindex job on this node"));
  }
}
