// Swagger UI for /api/docs (ApiDocsController): a file, not an inline script, so the strict CSP holds.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.yml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
  });
});
