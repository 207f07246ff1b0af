import fp from 'fastify-plugin';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page and sends it as UTF-8 HTML (browsers post forms in the page's charset). */
    html(page: VNode): FastifyReply;
  }
}

export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

export const htmlPlugin = fp(
  (app, _opts, done) => {
    app.decorateReply('html', function html(page: VNode) {
      return this.type('text/html; charset=utf-8').send(renderDocument(page));
    });
    done();
  },
  { name: 'html' },
);
