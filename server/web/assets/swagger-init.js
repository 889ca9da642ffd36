// Swagger UI of the node's OpenAPI document. No validator badge: it would call an outside
// service, and the node serves everything itself.
const el = document.getElementById('swagger-ui');
window.ui = window.SwaggerUIBundle({
  url: el.dataset.url,
  domNode: el,
  validatorUrl: null,
  deepLinking: false,
  presets: [window.SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
