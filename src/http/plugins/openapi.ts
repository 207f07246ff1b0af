import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

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
        ],
      },
    });
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      uiConfig: { docExpansion: 'list', deepLinking: true },
    });
    app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  },
  { name: 'openapi' },
);
