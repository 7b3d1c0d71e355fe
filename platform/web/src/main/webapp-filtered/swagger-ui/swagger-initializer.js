// Swagger UI over this installation's own OpenAPI document.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "../openapi",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout",
  });
};
