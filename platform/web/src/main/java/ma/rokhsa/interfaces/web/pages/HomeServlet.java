package ma.rokhsa.interfaces.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.rokhsa.application.TenantDirectory;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;

/**
 * The home page, {@code /}: what the platform is, and the way to a commune's procedures — pick a
 * region, then a commune of it (two plain GET forms: no JavaScript needed; the script submits the
 * region as soon as it is picked).
 */
@WebServlet(name = "home-page", urlPatterns = "")
public class HomeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

  @Inject transient Pages pages;
  @Inject transient TenantDirectory directory;

  /**
   * A choice in a list.
   *
   * @param id what the form sends
   * @param name what the list shows
   * @param selected whether it is the current choice
   */
  public record Choice(String id, String name, boolean selected) {}

  /**
   * The communes of one prefecture or province.
   *
   * @param name the prefecture's or province's name
   * @param communes its communes
   */
  public record Group(String name, List<Choice> communes) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().national());
    Optional<Tenant> region =
        Tenants.id(request.getParameter("region"))
            .flatMap(directory::find)
            .filter(t -> t.kind() == TenantKind.REGION);
    List<Choice> regions =
        directory.list(Optional.empty(), List.of(TenantKind.REGION)).stream()
            .map(
                r ->
                    new Choice(
                        r.id().value(),
                        page.name(r.nameFr(), r.nameAr()),
                        region.map(Tenant::id).map(r.id()::equals).orElse(false)))
            .toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("regions", regions);
    model.put("region", region.map(r -> page.name(r.nameFr(), r.nameAr())).orElse(null));
    model.put("groups", region.map(r -> groups(page, r.id())).orElse(List.of()));
    model.put("today", page.date(LocalDate.now(MOROCCO)));
    pages.render(page, "home", model, HttpServletResponse.SC_OK, request, response);
  }

  private List<Group> groups(Page page, TenantId region) {
    List<Tenant> within =
        directory.list(
            Optional.of(region),
            List.of(
                TenantKind.PREFECTURE,
                TenantKind.PROVINCE,
                TenantKind.URBAN_COMMUNE,
                TenantKind.RURAL_COMMUNE));
    Map<TenantId, String> provinces = new LinkedHashMap<>();
    Map<TenantId, List<Choice>> communes = new LinkedHashMap<>();
    for (Tenant tenant : within) {
      if (tenant.kind().isProvinceLevel()) {
        provinces.put(tenant.id(), page.name(tenant.nameFr(), tenant.nameAr()));
      } else if (tenant.parent().isPresent()) {
        communes
            .computeIfAbsent(tenant.parent().get(), p -> new ArrayList<>())
            .add(
                new Choice(
                    tenant.id().value(), page.name(tenant.nameFr(), tenant.nameAr()), false));
      }
    }
    List<Group> groups = new ArrayList<>();
    provinces.forEach(
        (id, name) -> {
          List<Choice> list = communes.getOrDefault(id, List.of());
          if (!list.isEmpty()) {
            groups.add(new Group(name, list));
          }
        });
    return groups;
  }
}
