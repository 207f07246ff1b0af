import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { useAnswerHeaders } from '../answer-headers.ts';

/**
 * The stock Swagger UI colours fall below WCAG 2.1 AA contrast (4.5:1) for the method badges,
 * the version badges and the links in the header; these keep the layout and darken the colours.
 */
const DOCS_THEME_CSS = `
.swagger-ui .info a, .swagger-ui .info a:visited { color: #0b4fa8; }
.swagger-ui .info a:hover { color: #003d7a; }
.swagger-ui .info .title small { background: #4a4a55; }
.swagger-ui .info .title small.version-stamp { background-color: #3d6b00; }
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #0b5cad; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #0f6b38; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #8a4b00; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b3261e; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #0f5f5a; }
.swagger-ui .opblock.opblock-head .opblock-summary-method { background: #6a1bb5; }
.swagger-ui .parameter__in, .swagger-ui .parameter__extension { color: #4a4a55; }
.swagger-ui .btn.authorize, .swagger-ui .btn.authorize span { color: #0f6b38; border-color: #0f6b38; }
.swagger-ui .btn.authorize svg { fill: #0f6b38; }
.swagger-ui .authorization__btn svg { fill: #1b1b1f; }
`;

/**
 * Swagger UI draws its selects (a parameter's allowed values, the examples) without a label;
 * this names each one after its parameter as the operations are opened.
 */
const DOCS_THEME_JS = `
new MutationObserver(function () {
  document.querySelectorAll('.swagger-ui select:not([aria-label])').forEach(function (select) {
    var row = select.closest('tr[data-param-name]');
    var name = row ? row.getAttribute('data-param-name') : '';
    select.setAttribute('aria-label', name || (select.classList.contains('examples-select-element') ? 'Examples' : 'Options'));
  });
}).observe(document.body, { childList: true, subtree: true });
`;

export interface OpenApiOptions {
  readonly version: string;
  readonly publicUrl: string;
}

/** Generates the OpenAPI document from the route schemas and serves it with interactive docs. */
export const openApiPlugin = fp<OpenApiOptions>(
  async (app, { version, publicUrl }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Benelux e-mobility ID register API',
          version,
          description:
            'Validate e-mobility identifiers (party, EVSE, pool, station, contract IDs) and query the Benelux register of party IDs. Errors are RFC 9457 problem details with a stable `code`; send `Accept-Language` (fr, nl, de, en) for translated messages.',
          license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
        },
        servers: publicUrl === '' ? [] : [{ url: publicUrl }],
        tags: [
          { name: 'ids', description: 'Parse, validate and normalise e-mobility identifiers' },
          { name: 'service', description: 'Service status' },
          {
            name: 'applications',
            description:
              'Apply for a party code: drafts saved step by step, availability, submission',
          },
        ],
        components: {
          securitySchemes: {
            bearer: {
              type: 'http',
              scheme: 'bearer',
              description: 'An API token (`idro_…`) made on the API tokens page of an account',
            },
          },
        },
      },
    });
    // The document and its pages in a context of their own, to carry the request id header.
    await app.register(async (docs) => {
      useAnswerHeaders(docs);
      await docs.register(swaggerUi, {
        routePrefix: '/docs',
        staticCSP: true,
        theme: {
          title: 'API documentation – Benelux e-mobility ID register',
          css: [{ filename: 'contrast.css', content: DOCS_THEME_CSS }],
          js: [{ filename: 'label-selects.js', content: DOCS_THEME_JS }],
        },
        // BaseLayout drops the top bar (an unlabelled URL field and a logo without text);
        // without deep links an operation's summary button holds no nested link.
        uiConfig: { docExpansion: 'list', deepLinking: false, layout: 'BaseLayout' },
      });
      docs.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
    });
  },
  { name: 'openapi' },
);
