// The docs page's start script (org.hse.api.docs.DocsResource serves it after the line that sets
// docsSettings). A file of its own, never an inline script: the page's Content Security Policy runs
// script files of this origin only.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    // the served document, at the server root
    url: docsSettings.document,
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    // no badge from the public validator: the page talks to this origin (and the token URL) only
    validatorUrl: null,
    // "Try it out" shows the request duration beside the answer
    displayRequestDuration: true,
  });
  // "Authorize": the password flow of the document's oauth2 scheme, with the API's client id
  window.ui.initOAuth({ clientId: docsSettings.clientId });
};
