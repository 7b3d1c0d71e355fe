package ma.rokhsa.interfaces.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Serves the themes' fingerprinted assets, cached by browsers and proxies for a year. */
@WebServlet(name = "assets", urlPatterns = Assets.PATH + "*")
public class AssetServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Assets assets;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    Optional<Assets.Asset> found = assets.find(name);
    if (found.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Assets.Asset asset = found.get();
    response.setContentType(asset.type());
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Vary", "Accept-Encoding");
    String accepted = request.getHeader("Accept-Encoding");
    byte[] body = asset.bytes();
    if (asset.gzipped().isPresent() && accepted != null && accepted.contains("gzip")) {
      body = asset.gzipped().get();
      response.setHeader("Content-Encoding", "gzip");
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
